package com.echamado.dashboard;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketAccess;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dashboard figures from the database, so every replica answers the same. Administrators and agents read the
 * counters that {@link TicketStatistics} keeps (a few hundred rows, whatever the number of tickets) for everything
 * but "overdue", which depends on the time of asking and is a live count on an index of open tickets by due date.
 * An agent's tickets outside their departments (requested by or assigned to them) and a requester's own tickets are
 * few: they are counted live. Days are UTC days; the series covers the last 30 of them, today included, and the
 * averages the tickets opened in them. Which tickets a caller sees is {@link TicketAccess}'s rule. {@link #cached}
 * reuses a caller's figures for {@code echamado.dashboard.cache-ttl} from the shared cache (Redis in {@code prod}),
 * keyed by who the caller is and what they may see; when the cache fails, the figures come from the database.
 */
@Component
class TicketDashboard {

    static final String CACHE = "ticket-dashboard";

    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcTemplate jdbc;
    private final Supplier<List<UUID>> allDepartments;
    private final Clock clock;

    @Autowired
    TicketDashboard(JdbcTemplate jdbc, Catalog catalog, Clock clock) {
        this(
                jdbc,
                () -> catalog.list(CatalogKind.DEPARTMENT, true).stream()
                        .map(CatalogEntryView::id)
                        .toList(),
                clock);
    }

    /** {@code allDepartments}: every department, disabled ones too (the plan tests and benchmark read the table). */
    TicketDashboard(JdbcTemplate jdbc, Supplier<List<UUID>> allDepartments, Clock clock) {
        this.jdbc = jdbc;
        this.allDepartments = allDepartments;
        this.clock = clock;
    }

    @Cacheable(cacheNames = CACHE, key = "#actor.scope()")
    public Dashboard cached(Actor actor) {
        return of(actor);
    }

    Dashboard of(Actor actor) {
        Instant now = clock.instant();
        LocalDate firstDay = TicketStatistics.day(now).minusDays(29);
        DashboardTotals totals = new DashboardTotals();
        boolean all = TicketAccess.seesAll(actor);
        List<UUID> departments = TicketAccess.departments(actor);
        if (all || !departments.isEmpty()) {
            List<UUID> scope = all ? List.of() : departments;
            counted(totals, scope, firstDay);
            mineAndOverdue(totals, actor, scope, now);
            if (!all) {
                live(totals, elsewhere(actor, departments), actor, now, firstDay, false);
            }
        } else {
            live(totals, TicketAccess.visible(actor), actor, now, firstDay, true);
        }
        return totals.dashboard();
    }

    /**
     * An agent's tickets outside their departments ({@link TicketAccess#outsideDepartments}): those they requested,
     * and those assigned to them (by someone else) in one of the other departments, named one by one so that assignee
     * and department are one index lookup.
     */
    private TicketAccess.Condition elsewhere(Actor actor, List<UUID> departments) {
        List<UUID> others = allDepartments.get().stream()
                .filter(id -> !departments.contains(id))
                .toList();
        return TicketAccess.outsideDepartments(actor, others);
    }

    /** The counters of all departments (an empty scope) or of the given ones. */
    private void counted(DashboardTotals totals, List<UUID> scope, LocalDate firstDay) {
        String in = scope.isEmpty() ? "" : " and department_id in (" + placeholders(scope.size()) + ")";
        jdbc.query(
                "select status_id, department_id, priority, sum(n) as n,"
                        + " sum(case when unassigned then n else 0 end) as unassigned"
                        + " from ticket_open_count where n <> 0" + in
                        + " group by status_id, department_id, priority",
                rs -> {
                    totals.open.add(DashboardTotals.OpenGroup.of(rs));
                },
                scope.toArray());
        List<Object> params = new ArrayList<>(List.of(firstDay));
        params.addAll(scope);
        jdbc.query(
                "select stat_day, sum(opened) as opened, sum(closed) as closed, sum(first_response_us) as fr_us,"
                        + " sum(first_responses) as fr_n, sum(resolution_us) as res_us, sum(resolutions) as res_n"
                        + " from ticket_daily_count where stat_day >= ?" + in + " group by stat_day",
                rs -> {
                    totals.day(new DashboardTotals.OpenedDay(
                            rs.getObject("stat_day", LocalDate.class),
                            rs.getLong("opened"),
                            rs.getLong("closed"),
                            rs.getLong("fr_us"),
                            rs.getLong("fr_n"),
                            rs.getLong("res_us"),
                            rs.getLong("res_n")));
                },
                params.toArray());
    }

    /**
     * One statement: the open tickets the actor requested and those assigned to them (visible to them wherever they
     * are), and the overdue ones in the scope (all departments when empty).
     */
    private void mineAndOverdue(DashboardTotals totals, Actor actor, List<UUID> scope, Instant now) {
        String in = scope.isEmpty() ? "" : " and t.department_id in (" + placeholders(scope.size()) + ")";
        List<Object> params = new ArrayList<>(List.of(actor.id(), actor.id(), Timestamp.from(now)));
        params.addAll(scope);
        jdbc.query(
                "select (select count(*) from ticket t where t.requester_id = ? and not t.is_closed) as mine,"
                        + " (select count(*) from ticket t where t.assignee_id = ? and not t.is_closed) as assigned,"
                        + " (select count(*) from ticket t where not t.is_closed and t.due_at < ?" + in
                        + ") as overdue",
                rs -> {
                    totals.mine += rs.getLong("mine");
                    totals.assigned += rs.getLong("assigned");
                    totals.overdue += rs.getLong("overdue");
                },
                params.toArray());
    }

    /**
     * The tickets of {@code where} counted live, in one statement that reads only the few rows that count: open
     * tickets, and those opened or closed in the period. {@code withMine}: also count the actor's own and assigned
     * tickets among them.
     */
    private void live(
            DashboardTotals totals,
            TicketAccess.Condition where,
            Actor actor,
            Instant now,
            LocalDate firstDay,
            boolean withMine) {
        Instant since = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        // Open tickets have no closing time and a ticket closes after it opened: "open, or opened or closed since
        // the first day" is "closing time, or none, since the first day", which no index serves, so PostgreSQL reads
        // the rows of the caller's few tickets found by the visibility condition instead of intersecting them with
        // the large sets of open and recent tickets.
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(NEVER), Timestamp.from(since)));
        params.addAll(where.params());
        Map<List<String>, long[]> open = new HashMap<>();
        jdbc.query(
                "select t.status_id, t.department_id, t.priority, t.is_closed, t.requester_id, t.assignee_id, t.due_at,"
                        + " t.opened_at, t.first_response_at, t.resolved_at, t.closed_at from ticket t"
                        + " where coalesce(t.closed_at, ?) >= ? and " + where.sql(),
                rs -> {
                    UUID assignee = rs.getObject("assignee_id", UUID.class);
                    Instant opened = instant(rs, "opened_at");
                    Instant firstResponse = instant(rs, "first_response_at");
                    Instant resolved = instant(rs, "resolved_at");
                    Instant closed = instant(rs, "closed_at");
                    if (!rs.getBoolean("is_closed")) {
                        long[] n = open.computeIfAbsent(
                                List.of(
                                        rs.getString("status_id"),
                                        rs.getString("department_id"),
                                        rs.getString("priority")),
                                k -> new long[2]);
                        n[0]++;
                        n[1] += assignee == null ? 1 : 0;
                        Instant due = instant(rs, "due_at");
                        totals.overdue += due != null && due.isBefore(now) ? 1 : 0;
                        if (withMine) {
                            totals.mine += actor.id().equals(rs.getObject("requester_id", UUID.class)) ? 1 : 0;
                            totals.assigned += actor.id().equals(assignee) ? 1 : 0;
                        }
                    }
                    if (!opened.isBefore(since)) {
                        totals.day(new DashboardTotals.OpenedDay(
                                TicketStatistics.day(opened),
                                1,
                                0,
                                firstResponse == null ? 0 : TicketStatistics.micros(opened, firstResponse),
                                firstResponse == null ? 0 : 1,
                                resolved == null ? 0 : TicketStatistics.micros(opened, resolved),
                                resolved == null ? 0 : 1));
                    }
                    if (closed != null && !closed.isBefore(since)) {
                        totals.day(new DashboardTotals.OpenedDay(TicketStatistics.day(closed), 0, 1, 0, 0, 0, 0));
                    }
                },
                params.toArray());
        open.forEach((key, n) ->
                totals.open.add(new DashboardTotals.OpenGroup(key.get(0), key.get(1), key.get(2), n[0], n[1])));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
