package com.echamado.tickets;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** A resolved or closed ticket was reopened (by its requester or an agent). */
@NamedInterface("events")
@Externalized("echamado.events::ticket.reopened")
public record TicketReopened(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        long number,
        String title,
        UUID requesterId,
        UUID statusId,
        UUID actorId)
        implements DomainEvent {}
