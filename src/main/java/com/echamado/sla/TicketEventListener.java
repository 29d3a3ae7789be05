package com.echamado.sla;

import com.echamado.comments.CommentAdded;
import com.echamado.tickets.TicketAssigned;
import com.echamado.tickets.TicketClosed;
import com.echamado.tickets.TicketEdited;
import com.echamado.tickets.TicketOpened;
import com.echamado.tickets.TicketReopened;
import com.echamado.tickets.TicketResolved;
import com.echamado.tickets.TicketStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Recomputes a ticket's clocks after each ticket event. Idempotent by construction: every run replays the whole
 * history, so a redelivered or reordered event gives the same clocks. The listeners run outside a transaction:
 * each recomputation is its own short one. A policy change recomputes the open tickets, read in pages of {@link
 * SlaProperties#recomputeBatch()} by id (keyset, no offset), one ticket per transaction: no lock is held long.
 */
@Component
class TicketEventListener {

    private final TicketClocks clocks;
    private final SlaProperties properties;

    TicketEventListener(TicketClocks clocks, SlaProperties properties) {
        this.clocks = clocks;
        this.properties = properties;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketOpened event) {
        clocks.recompute(event.ticketId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketEdited event) {
        clocks.recompute(event.ticketId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketStatusChanged event) {
        clocks.recompute(event.ticketId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketResolved event) {
        clocks.recompute(event.ticketId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketClosed event) {
        clocks.recompute(event.ticketId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketReopened event) {
        clocks.recompute(event.ticketId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketAssigned event) {
        clocks.recompute(event.ticketId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CommentAdded event) {
        if (!event.internal()) {
            clocks.recompute(event.ticketId());
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SlaPolicyChanged event) {
        recomputeOpenTickets();
    }

    /** Recomputes every open ticket the module knows, batch by batch; the number recomputed. */
    int recomputeOpenTickets() {
        return clocks.recomputeInPages(
                "select ticket_id from sla_ticket where open and ticket_id > ? order by ticket_id limit ?",
                properties.recomputeBatch());
    }
}
