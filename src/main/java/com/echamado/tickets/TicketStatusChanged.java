package com.echamado.tickets;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** An agent moved a ticket to another status; {@code closed} when the new status is final. */
@NamedInterface("events")
@Externalized("echamado.events::ticket.status-changed")
public record TicketStatusChanged(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        long number,
        String title,
        UUID requesterId,
        UUID previousStatusId,
        UUID statusId,
        String statusName,
        boolean closed,
        UUID actorId)
        implements DomainEvent {}
