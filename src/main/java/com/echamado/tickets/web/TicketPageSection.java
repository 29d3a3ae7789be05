package com.echamado.tickets.web;

import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketView;
import java.util.Collection;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.context.request.WebRequest;

/**
 * A part of the ticket page that another module contributes (the conversation of the comments module; later files,
 * SLA clocks), so that the page shows it without tickets depending on that module: the dependency points from the
 * contributing module to this interface. The template includes the section's fragment from the contributor's
 * templates folder.
 */
public interface TicketPageSection {

    /**
     * Adds the section's attributes to the page's model, for this viewer and this (visible) ticket, and answers the
     * ids of the people it shows, whom the page names together with its own.
     */
    Collection<UUID> contribute(Actor viewer, TicketView ticket, WebRequest request, Model model);
}
