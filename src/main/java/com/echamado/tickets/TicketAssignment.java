package com.echamado.tickets;

import com.echamado.catalog.Catalog;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Assigning a ticket to an enabled agent of its department, or to nobody. */
@Component
class TicketAssignment {

    private final TicketStore store;
    private final TicketChecks checks;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    TicketAssignment(TicketStore store, TicketChecks checks, Catalog catalog, ApplicationEventPublisher events) {
        this.store = store;
        this.checks = checks;
        this.catalog = catalog;
        this.events = events;
    }

    TicketView assign(Actor actor, UUID id, long expectedVersion, UUID assigneeId) {
        Ticket ticket = store.staffTicket(actor, id, expectedVersion);
        if (!actor.admin() && !actor.departments().contains(ticket.departmentId())) {
            throw TicketException.forbidden("Agents assign tickets of their own departments");
        }
        if (assigneeId != null) {
            UserView assignee = checks.enabledUser(assigneeId, "assigneeId");
            if (!assignee.hasRole(Role.SUPPORT) || !catalog.worksIn(assigneeId, ticket.departmentId())) {
                throw TicketException.invalid("assigneeId", "The assignee must be an enabled agent of the department");
            }
        }
        Instant now = store.now();
        UUID previous = ticket.assigneeId();
        ticket.assignTo(assigneeId, now);
        TicketView view = store.save(ticket, actor, now);
        events.publishEvent(TicketEvents.assigned(view, previous, actor.id(), now));
        return view;
    }
}
