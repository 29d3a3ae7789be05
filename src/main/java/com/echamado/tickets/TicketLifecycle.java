package com.echamado.tickets;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The status lifecycle: moving between statuses, resolving, closing, reopening, and the requester's rating. */
@Component
class TicketLifecycle {

    private final TicketStore store;
    private final Catalog catalog;
    private final TicketsProperties properties;
    private final ApplicationEventPublisher events;

    TicketLifecycle(
            TicketStore store, Catalog catalog, TicketsProperties properties, ApplicationEventPublisher events) {
        this.store = store;
        this.catalog = catalog;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Moves the ticket to a status. A resolving status resolves it, which needs the solution text as {@link #resolve}
     * does (and is then recorded and announced as a resolution); other statuses ignore {@code resolution}.
     */
    TicketView transition(Actor actor, UUID id, long expectedVersion, UUID statusId, String resolution) {
        Ticket ticket = store.staffTicket(actor, id, expectedVersion);
        CatalogEntryView status = catalog.requireActive(CatalogKind.STATUS, statusId, "statusId");
        if (status.resolving()) {
            if (resolution == null || resolution.isBlank()) {
                throw TicketException.invalid("resolution", "A resolving status needs the solution text (resolution)");
            }
            return resolve(actor, id, expectedVersion, resolution.strip());
        }
        Instant now = store.now();
        UUID previous = ticket.statusId();
        ticket.moveTo(status(status), now);
        TicketView view = store.save(ticket, actor, now);
        events.publishEvent(TicketEvents.statusChanged(view, previous, status, actor.id(), now));
        return view;
    }

    TicketView resolve(Actor actor, UUID id, long expectedVersion, String resolution) {
        Ticket ticket = store.staffTicket(actor, id, expectedVersion);
        Instant now = store.now();
        ticket.resolve(status(catalog.resolvingStatus()), resolution, now);
        TicketView view = store.save(ticket, actor, now);
        events.publishEvent(TicketEvents.resolved(view, resolution, actor.id(), now));
        return view;
    }

    TicketView close(Actor actor, UUID id, long expectedVersion) {
        Ticket ticket = store.staffTicket(actor, id, expectedVersion);
        Instant now = store.now();
        ticket.close(status(catalog.closingStatus()), now);
        TicketView view = store.save(ticket, actor, now);
        events.publishEvent(TicketEvents.closed(view, actor.id(), now));
        return view;
    }

    TicketView reopen(Actor actor, UUID id, long expectedVersion) {
        Ticket ticket = store.visible(actor, id);
        TicketStore.checkVersion(ticket, expectedVersion);
        boolean staff = TicketStore.isStaffFor(actor, ticket);
        if (!staff && !ticket.requesterId().equals(actor.id())) {
            throw TicketException.notFound(id);
        }
        Instant now = store.now();
        ticket.reopen(status(catalog.initialStatus()), staff, properties.reopenWindow(), now);
        TicketView view = store.save(ticket, actor, now);
        events.publishEvent(TicketEvents.reopened(view, actor.id(), now));
        return view;
    }

    TicketView rate(Actor actor, UUID id, long expectedVersion, int stars, String comment) {
        Ticket ticket = store.visible(actor, id);
        TicketStore.checkVersion(ticket, expectedVersion);
        if (!ticket.requesterId().equals(actor.id())) {
            throw TicketException.forbidden("Only the requester rates a ticket");
        }
        Instant now = store.now();
        ticket.rate(stars, comment, now);
        TicketView view = store.save(ticket, actor, now);
        events.publishEvent(TicketEvents.rated(view, stars, now));
        return view;
    }

    /** A catalog status as a lifecycle step sees it. */
    static Ticket.Status status(CatalogEntryView view) {
        return new Ticket.Status(view.id(), view.resolving(), view.isFinal());
    }
}
