package com.echamado.tickets;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/**
 * A public reply or an internal note was added; {@code body} is null for internal notes, which requesters never see.
 * {@code departmentId} and {@code assigneeId} (null when unassigned) say who works the ticket, so that a requester's
 * reply reaches them.
 */
@NamedInterface("events")
@Externalized("echamado.events::comment.added")
public record CommentAdded(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        long number,
        String title,
        UUID requesterId,
        UUID commentId,
        UUID authorId,
        boolean internal,
        String body,
        UUID departmentId,
        UUID assigneeId)
        implements DomainEvent {}
