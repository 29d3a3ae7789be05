package com.echamado.tickets;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** A ticket was given to an agent ({@code assigneeId}), or unassigned (null). */
@NamedInterface("events")
@Externalized("echamado.events::ticket.assigned")
public record TicketAssigned(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        long number,
        String title,
        UUID departmentId,
        UUID requesterId,
        UUID assigneeId,
        UUID previousAssigneeId,
        UUID actorId)
        implements DomainEvent {}
