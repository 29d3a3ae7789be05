package com.echamado.tickets;

import com.echamado.catalog.CatalogEntryView;
import java.time.Instant;
import java.util.UUID;

/** Builds the tickets module's events from the ticket as saved: the one place that knows their payloads. */
final class TicketEvents {

    private TicketEvents() {}

    static TicketOpened opened(TicketView t, UUID actor, Instant now) {
        return new TicketOpened(
                UUID.randomUUID(),
                now,
                t.id(),
                t.number(),
                t.title(),
                t.departmentId(),
                t.requesterId(),
                actor,
                t.priority(),
                t.statusId());
    }

    static TicketEdited edited(TicketView t, Instant now) {
        return new TicketEdited(UUID.randomUUID(), now, t.id());
    }

    static TicketAssigned assigned(TicketView t, UUID previous, UUID actor, Instant now) {
        return new TicketAssigned(
                UUID.randomUUID(),
                now,
                t.id(),
                t.number(),
                t.title(),
                t.departmentId(),
                t.requesterId(),
                t.assigneeId(),
                previous,
                actor);
    }

    static TicketStatusChanged statusChanged(
            TicketView t, UUID previous, CatalogEntryView status, UUID actor, Instant now) {
        return new TicketStatusChanged(
                UUID.randomUUID(),
                now,
                t.id(),
                t.number(),
                t.title(),
                t.requesterId(),
                previous,
                status.id(),
                status.name(),
                t.closed(),
                actor);
    }

    static TicketResolved resolved(TicketView t, String resolution, UUID actor, Instant now) {
        return new TicketResolved(
                UUID.randomUUID(),
                now,
                t.id(),
                t.number(),
                t.title(),
                t.requesterId(),
                t.statusId(),
                resolution,
                actor);
    }

    static TicketClosed closed(TicketView t, UUID actor, Instant now) {
        return new TicketClosed(
                UUID.randomUUID(), now, t.id(), t.number(), t.title(), t.requesterId(), t.statusId(), actor);
    }

    static TicketReopened reopened(TicketView t, UUID actor, Instant now) {
        return new TicketReopened(
                UUID.randomUUID(), now, t.id(), t.number(), t.title(), t.requesterId(), t.statusId(), actor);
    }

    static TicketRated rated(TicketView t, int stars, Instant now) {
        return new TicketRated(UUID.randomUUID(), now, t.id(), t.number(), t.requesterId(), stars);
    }
}
