package com.echamado.tickets;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** The requester rated a resolved ticket (1 to 5 stars). */
@NamedInterface("events")
@Externalized("echamado.events::ticket.rated")
public record TicketRated(UUID eventId, Instant occurredAt, UUID ticketId, long number, UUID requesterId, int stars)
        implements DomainEvent {}
