package com.echamado.sla;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.Priority;
import com.echamado.tickets.Actor;
import com.echamado.tickets.HistoryEntry;
import com.echamado.tickets.TicketException;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes a ticket's clocks from its history and stores them: the policy it runs under, each target's time used,
 * warning and deadline, and {@code next_due_at}, the earliest escalation not yet announced. The ticket's {@code
 * sla_ticket} row is locked first, so that two recomputations of one ticket follow each other and the later one
 * reads the later history.
 */
@Component
class TicketClocks {

    /** The SLA module reads every ticket: an administrator without a user behind it. */
    static final Actor SYSTEM = new Actor(new UUID(0, 0), true, false, Set.of());

    private final TicketManagement tickets;
    private final Catalog catalog;
    private final Policies policies;
    private final Calendars calendars;
    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;
    private final TransactionTemplate transactions;

    TicketClocks(
            TicketManagement tickets,
            Catalog catalog,
            Policies policies,
            Calendars calendars,
            JdbcTemplate jdbc,
            java.time.Clock clock,
            TransactionTemplate transactions) {
        this.tickets = tickets;
        this.catalog = catalog;
        this.policies = policies;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Recomputes one ticket in a transaction of its own. A ticket that no longer exists loses its SLA rows instead
     * of failing (which would leave its event publication to be retried for ever). The ticket is read before the
     * transaction starts, so that the tickets facade's refusal cannot mark it rollback-only.
     */
    void recompute(UUID ticketId) {
        TicketView ticket;
        try {
            ticket = tickets.get(SYSTEM, ticketId);
        } catch (TicketException e) {
            if (e.kind() != TicketException.Kind.NOT_FOUND) {
                throw e;
            }
            transactions.executeWithoutResult(s -> jdbc.update("delete from sla_ticket where ticket_id = ?", ticketId));
            return;
        }
        transactions.executeWithoutResult(s -> store(ticket));
    }

    private void store(TicketView ticket) {
        UUID ticketId = ticket.id();
        Instant now = clock.instant();
        boolean open = !ticket.closed() && ticket.resolvedAt() == null;
        jdbc.update(
                "insert into sla_ticket (ticket_id, ticket_number, open, computed_at) values (?, ?, ?, ?)"
                        + " on conflict (ticket_id) do nothing",
                ticketId,
                ticket.number(),
                open,
                Timestamp.from(now));
        jdbc.queryForList("select ticket_id from sla_ticket where ticket_id = ? for update", ticketId);
        List<HistoryEntry> history = tickets.history(SYSTEM, ticketId);
        ClockTimeline timeline = timeline(ticket, history, policies.rules(), calendarLookup());
        PolicyRule policy = timeline.policy();
        List<ClockTimeline.Clock> clocks = timeline.clocks();
        recordPolicy(ticketId, policy, now);
        jdbc.update(
                "update sla_ticket set ticket_number = ?, department_id = ?, assignee_id = ?, policy_id = ?,"
                        + " policy_version = ?, open = ?, computed_at = ? where ticket_id = ?",
                ticket.number(),
                ticket.departmentId(),
                ticket.assigneeId(),
                policy == null ? null : policy.id(),
                policy == null ? null : policy.version(),
                open,
                Timestamp.from(now),
                ticketId);
        Set<String> sent = new HashSet<>(jdbc.queryForList(
                "select target || ':' || cycle || ':' || kind from sla_escalation where ticket_id = ?",
                String.class,
                ticketId));
        jdbc.update("delete from sla_ticket_clock where ticket_id = ?", ticketId);
        for (ClockTimeline.Clock c : clocks) {
            Instant due = null;
            if (c.running()) {
                if (!sent.contains(c.target() + ":" + c.cycle() + ":WARNING")) {
                    due = c.warningAt();
                }
                if (!sent.contains(c.target() + ":" + c.cycle() + ":BREACHED")
                        && (due == null || c.deadlineAt().isBefore(due))) {
                    due = c.deadlineAt();
                }
            }
            jdbc.update(
                    "insert into sla_ticket_clock (ticket_id, target, cycle, policy_id, policy_version, goal_seconds,"
                            + " elapsed_seconds, running, paused, warning_at, deadline_at, met_at, breached_at,"
                            + " next_due_at, ticket_number, department_id, assignee_id, calendar_id)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ticketId,
                    c.target().name(),
                    c.cycle(),
                    c.policyId(),
                    c.policyVersion(),
                    c.goal().toSeconds(),
                    c.elapsed().toSeconds(),
                    c.running(),
                    c.paused(),
                    timestamp(c.warningAt()),
                    timestamp(c.deadlineAt()),
                    timestamp(c.metAt()),
                    timestamp(c.breachedAt()),
                    timestamp(due),
                    ticket.number(),
                    ticket.departmentId(),
                    ticket.assigneeId(),
                    policy.calendarId());
        }
        recordDeadline(ticketId, clocks);
    }

    /**
     * Hands the ticket's nearest running deadline to the tickets module, in this transaction, for the queue to show,
     * sort and filter by: RUNNING with the earliest deadline of a running target, PAUSED when the only open targets
     * wait for the customer, nothing otherwise.
     */
    private void recordDeadline(UUID ticketId, List<ClockTimeline.Clock> clocks) {
        Instant nearest = clocks.stream()
                .filter(ClockTimeline.Clock::running)
                .map(ClockTimeline.Clock::deadlineAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
        String state =
                nearest != null ? "RUNNING" : clocks.stream().anyMatch(ClockTimeline.Clock::paused) ? "PAUSED" : null;
        tickets.recordServiceDeadline(ticketId, nearest, state);
    }

    /** Replays the ticket's history from the attributes and status it was opened with. */
    ClockTimeline timeline(
            TicketView ticket,
            List<HistoryEntry> history,
            List<PolicyRule> rules,
            Function<UUID, BusinessCalendar> calendarOf) {
        String priority =
                TicketFacts.atOpening(history, "priority", ticket.priority().name());
        PolicyRule.Attributes opening = new PolicyRule.Attributes(
                uuid(TicketFacts.atOpening(history, "department", string(ticket.departmentId()))),
                priority == null ? null : Priority.valueOf(priority),
                uuid(TicketFacts.atOpening(history, "type", string(ticket.typeId()))),
                uuid(TicketFacts.atOpening(history, "category", string(ticket.categoryId()))));
        UUID openingStatus = uuid(TicketFacts.atOpening(history, "status", string(ticket.statusId())));
        ClockTimeline timeline =
                new ClockTimeline(rules, calendarOf, this::mode, ticket.openedAt(), opening, openingStatus);
        TicketFacts.from(history, ticket.requesterId()).forEach(timeline::apply);
        return timeline;
    }

    /**
     * Recomputes, page by page, the tickets a keyset query names: it takes the last id of the previous page and the
     * page size ({@code … id > ? order by id limit ?}), so no offset is read and no lock outlives one ticket's
     * transaction. The number recomputed.
     */
    int recomputeInPages(String pageQuery, int pageSize) {
        UUID after = new UUID(0, 0);
        int done = 0;
        while (true) {
            List<UUID> page = jdbc.queryForList(pageQuery, UUID.class, after, pageSize);
            if (page.isEmpty()) {
                return done;
            }
            page.forEach(this::recompute);
            done += page.size();
            after = page.get(page.size() - 1);
        }
    }

    Function<UUID, BusinessCalendar> calendarLookup() {
        Map<UUID, BusinessCalendar> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(
                id,
                key -> calendars
                        .find(key)
                        .map(Calendars::engine)
                        .orElseThrow(() -> SlaException.calendarNotFound(key)));
    }

    private ClockTimeline.StatusMode mode(UUID statusId) {
        CatalogEntryView status =
                statusId == null ? null : catalog.find(statusId).orElse(null);
        if (status == null) {
            return ClockTimeline.StatusMode.RUNNING;
        }
        if (status.resolving() || status.isFinal()) {
            return ClockTimeline.StatusMode.DONE;
        }
        if (status.onHold()) {
            return ClockTimeline.StatusMode.HELD;
        }
        return status.awaitsCustomer() ? ClockTimeline.StatusMode.PAUSED : ClockTimeline.StatusMode.RUNNING;
    }

    private void recordPolicy(UUID ticketId, PolicyRule policy, Instant now) {
        List<Map<String, Object>> last = jdbc.queryForList(
                "select policy_id, policy_version from sla_ticket_policy_log where ticket_id = ?"
                        + " order by since desc limit 1",
                ticketId);
        UUID lastId = last.isEmpty() ? null : (UUID) last.get(0).get("policy_id");
        Integer lastVersion = last.isEmpty() ? null : (Integer) last.get(0).get("policy_version");
        UUID id = policy == null ? null : policy.id();
        Integer version = policy == null ? null : policy.version();
        if (last.isEmpty() || !Objects.equals(lastId, id) || !Objects.equals(lastVersion, version)) {
            jdbc.update(
                    "insert into sla_ticket_policy_log (ticket_id, since, policy_id, policy_version) values (?, ?, ?, ?)"
                            + " on conflict do nothing",
                    ticketId,
                    Timestamp.from(now),
                    id,
                    version);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
