package com.echamado.tickets;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** A ticket was resolved with the resolution text the requester sees. */
@NamedInterface("events")
@Externalized("echamado.events::ticket.resolved")
public record TicketResolved(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        long number,
        String title,
        UUID requesterId,
        UUID statusId,
        String resolution,
        UUID actorId)
        implements DomainEvent {}
