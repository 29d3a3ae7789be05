package com.echamado.tickets;

import com.echamado.catalog.Priority;
import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** A ticket was opened; {@code openedBy} differs from the requester when an agent opened it for them. */
@NamedInterface("events")
@Externalized("echamado.events::ticket.opened")
public record TicketOpened(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        long number,
        String title,
        UUID departmentId,
        UUID requesterId,
        UUID openedBy,
        Priority priority,
        UUID statusId)
        implements DomainEvent {}
