package com.echamado.tickets;

import java.util.UUID;

/**
 * What the conversation of a ticket needs to know about the ticket and the acting user, read under the tickets
 * module's visibility rule: the ticket's identity and people, and whether the actor works it ({@code staff}: sees and
 * writes internal notes).
 */
public record ConversationAccess(
        UUID ticketId,
        long number,
        String title,
        UUID requesterId,
        UUID departmentId,
        UUID assigneeId,
        long version,
        boolean closed,
        boolean staff) {

    static ConversationAccess of(Ticket ticket, boolean staff) {
        return new ConversationAccess(
                ticket.id(),
                ticket.number(),
                ticket.title(),
                ticket.requesterId(),
                ticket.departmentId(),
                ticket.assigneeId(),
                ticket.version(),
                ticket.closed(),
                staff);
    }
}
