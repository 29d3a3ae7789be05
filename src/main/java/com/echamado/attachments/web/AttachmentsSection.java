package com.echamado.attachments.web;

import com.echamado.attachments.AttachmentView;
import com.echamado.attachments.Attachments;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketView;
import com.echamado.tickets.web.TicketPageSection;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.WebRequest;

/**
 * The files on the ticket page: those the viewer may see (name, size, type, who added them and when) with their
 * download links, which of them they may remove, and the upload form while the ticket is open.
 */
@Component
class AttachmentsSection implements TicketPageSection {

    private final Attachments attachments;

    AttachmentsSection(Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public Collection<UUID> contribute(Actor viewer, TicketView ticket, WebRequest request, Model model) {
        List<AttachmentView> visible = attachments.list(viewer, ticket.id());
        model.addAttribute("attachments", visible);
        model.addAttribute("removableAttachments", attachments.removable(viewer, ticket.id(), visible));
        model.addAttribute("attachmentMaxMegabytes", attachments.maxSize() / (1024 * 1024));
        return visible.stream().map(AttachmentView::uploadedBy).toList();
    }
}
