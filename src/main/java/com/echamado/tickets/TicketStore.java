package com.echamado.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads tickets under the visibility rule ({@link TicketAccess}: for everyone it does not allow, a ticket does not
 * exist) and saves a change with its history rows and search document (the dashboard's counters follow every row
 * write through {@link TicketStateChanged}), in the caller's transaction. Shared by the facade's collaborators.
 */
@Component
class TicketStore {

    private final TicketRepository tickets;
    private final TicketHistory history;
    private final SearchIndex search;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    TicketStore(TicketRepository tickets, TicketHistory history, SearchIndex search, Clock clock, JdbcTemplate jdbc) {
        this.tickets = tickets;
        this.history = history;
        this.search = search;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Ticket visible(Actor actor, UUID id) {
        return tickets.findById(id).filter(t -> canSee(actor, t)).orElseThrow(() -> TicketException.notFound(id));
    }

    /** The visible ticket with its row locked until the transaction ends: changes that need no If-Match queue. */
    Ticket visibleForUpdate(Actor actor, UUID id) {
        return tickets.findForUpdate(id).filter(t -> canSee(actor, t)).orElseThrow(() -> TicketException.notFound(id));
    }

    Ticket visibleByNumber(Actor actor, long number) {
        Ticket ticket = tickets.findByNumber(number);
        if (ticket == null || !canSee(actor, ticket)) {
            throw TicketException.notFound("#" + number);
        }
        return ticket;
    }

    /** A ticket that only its agents and administrators change, at the version the caller saw. */
    Ticket staffTicket(Actor actor, UUID id, long expectedVersion) {
        Ticket ticket = visible(actor, id);
        if (!isStaffFor(actor, ticket)) {
            throw TicketException.forbidden("Only agents and administrators change tickets");
        }
        checkVersion(ticket, expectedVersion);
        return ticket;
    }

    static void checkVersion(Ticket ticket, long expectedVersion) {
        if (ticket.version() != expectedVersion) {
            throw TicketException.stale(ticket.version());
        }
    }

    static boolean canSee(Actor actor, Ticket ticket) {
        return TicketAccess.maySee(actor, TicketAccess.parties(ticket));
    }

    static boolean isStaffFor(Actor actor, Ticket ticket) {
        return TicketAccess.mayWork(actor, TicketAccess.parties(ticket));
    }

    /** Saves the ticket with what changed: history rows and its search document. */
    TicketView save(Ticket ticket, Actor actor, Instant now) {
        tickets.saveAndFlush(ticket);
        history.append(ticket.id(), actor.id(), now, ticket.drainChanges(), false);
        search.refresh(ticket.id());
        return ticket.toView(now);
    }

    /**
     * The nearest service-level deadline, written past the entity: not a change of the ticket, so neither its version
     * nor its update time moves and no history is written. Only when it differs, so that a recomputation that changes
     * nothing does not rewrite the row.
     */
    boolean recordServiceDeadline(UUID ticketId, Instant dueAt, String state) {
        Timestamp due = dueAt == null ? null : Timestamp.from(dueAt);
        int changed = jdbc.update(
                "update ticket set sla_due_at = ?, sla_state = ? where id = ?"
                        + " and (sla_due_at is distinct from ? or sla_state is distinct from ?)",
                due,
                state,
                ticketId,
                due,
                state);
        return changed > 0
                || Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from ticket where id = ?)", Boolean.class, ticketId));
    }

    /** A new ticket, numbered from the sequence that never reuses a number. */
    long nextNumber() {
        return tickets.nextNumber();
    }

    Instant now() {
        return clock.instant();
    }
}
