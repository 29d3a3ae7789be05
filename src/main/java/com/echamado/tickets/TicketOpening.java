package com.echamado.tickets;

import com.echamado.catalog.Catalog;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Opening a ticket, for oneself or, as an agent, on someone else's behalf. */
@Component
class TicketOpening {

    private final TicketStore store;
    private final TicketChecks checks;
    private final TicketSettingsStore settings;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    TicketOpening(
            TicketStore store,
            TicketChecks checks,
            TicketSettingsStore settings,
            Catalog catalog,
            ApplicationEventPublisher events) {
        this.store = store;
        this.checks = checks;
        this.settings = settings;
        this.catalog = catalog;
        this.events = events;
    }

    TicketView open(Actor actor, NewTicket request) {
        if (!actor.isStaff()) {
            request = request.withoutDeskFields(settings.read().requestersChoosePriority());
        }
        UUID requester = actor.id();
        if (request.requesterId() != null && !request.requesterId().equals(actor.id())) {
            if (!actor.isStaff()) {
                throw TicketException.forbidden("Only agents open tickets on someone else's behalf");
            }
            requester = checks.enabledUser(request.requesterId(), "requesterId").id();
        }
        checks.checkReferences(request.typeId(), request.categoryId(), request.subcategoryId(), request.departmentId());
        checks.checkDueAt(request.dueAt(), null);
        Instant now = store.now();
        Ticket ticket = new Ticket(
                store.nextNumber(),
                request,
                requester,
                actor.id(),
                catalog.initialStatus().id(),
                now);
        TicketView view = store.save(ticket, actor, now);
        events.publishEvent(TicketEvents.opened(view, actor.id(), now));
        return view;
    }
}
