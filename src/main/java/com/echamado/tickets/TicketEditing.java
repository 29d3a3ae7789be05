package com.echamado.tickets;

import com.echamado.catalog.Catalog;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Editing what describes a ticket. Agents of the ticket and administrators change any field; its requester changes
 * what describes their problem (not the department, which decides who works it) while the ticket is open.
 */
@Component
class TicketEditing {

    private final TicketStore store;
    private final TicketChecks checks;
    private final TicketSettingsStore settings;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    TicketEditing(
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

    TicketView edit(Actor actor, UUID id, long expectedVersion, TicketChanges changes) {
        Ticket ticket = store.visible(actor, id);
        if (!TicketStore.isStaffFor(actor, ticket)) {
            if (!ticket.requesterId().equals(actor.id())) {
                throw TicketException.forbidden("Only agents, administrators and the requester edit tickets");
            }
            if (changes.departmentId() != null) {
                throw TicketException.forbidden("Only agents and administrators move tickets between departments");
            }
            changes = withoutDeskFields(changes, settings.read().requestersChoosePriority());
        }
        TicketStore.checkVersion(ticket, expectedVersion);
        if (!changes.clearDueAt()) {
            checks.checkDueAt(changes.dueAt(), ticket.dueAt());
        }
        UUID category = changes.categoryId() != null ? changes.categoryId() : ticket.categoryId();
        checks.checkReferences(changes.typeId(), changes.categoryId(), null, changes.departmentId());
        if (changes.subcategoryId() != null && !changes.clearSubcategory()) {
            checks.checkReferences(null, category, changes.subcategoryId(), null);
        } else if (!Objects.equals(category, ticket.categoryId()) && ticket.subcategoryId() != null) {
            changes = withClearedSubcategory(changes); // the old subcategory belongs to the old category
        }
        if (changes.departmentId() != null
                && !actor.admin()
                && !actor.departments().contains(changes.departmentId())
                && !actor.departments().contains(ticket.departmentId())) {
            throw TicketException.forbidden("Agents move tickets only from or to their departments");
        }
        Instant now = store.now();
        ticket.edit(changes, now);
        if (changes.departmentId() != null
                && ticket.assigneeId() != null
                && !catalog.worksIn(ticket.assigneeId(), changes.departmentId())) {
            ticket.assignTo(null, now);
        }
        TicketView view = store.save(ticket, actor, now);
        events.publishEvent(TicketEvents.edited(view, now));
        return view;
    }

    /** A requester's changes without the due date, and without the priority unless requesters may choose it. */
    private static TicketChanges withoutDeskFields(TicketChanges c, boolean keepPriority) {
        return new TicketChanges(
                c.title(),
                c.description(),
                c.typeId(),
                c.categoryId(),
                c.subcategoryId(),
                c.clearSubcategory(),
                c.departmentId(),
                keepPriority ? c.priority() : null,
                null,
                false);
    }

    private static TicketChanges withClearedSubcategory(TicketChanges c) {
        return new TicketChanges(
                c.title(),
                c.description(),
                c.typeId(),
                c.categoryId(),
                null,
                true,
                c.departmentId(),
                c.priority(),
                c.dueAt(),
                c.clearDueAt());
    }
}
