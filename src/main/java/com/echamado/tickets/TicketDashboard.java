package com.echamado.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dashboard figures from the database, so every replica answers the same. Administrators and agents read the
 * counters that {@link TicketStatistics} keeps (a few hundred rows, whatever the number of tickets) for everything
 * but "overdue", which depends on the time of asking and is a live count on an index of open tickets by due date.
 * An agent's tickets outside their departments (requested by or assigned to them) and a requester's own tickets are
 * few: they are counted live. Days are UTC days; the series covers the last 30 of them, today included, and the
 * averages the tickets opened in them.
 */
@Component
class TicketDashboard {

    private record OpenGroup(String status, String department, String priority, long n, long unassigned) {

        static OpenGroup of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new OpenGroup(
                    rs.getString("status_id"),
                    rs.getString("department_id"),
                    rs.getString("priority"),
                    rs.getLong("n"),
                    rs.getLong("unassigned"));
        }
    }

    private record OpenedDay(
            LocalDate day,
            long n,
            long closed,
            long firstResponseUs,
            long firstResponses,
            long resolutionUs,
            long resolutions) {}

    /** The figures being summed up. */
    private static final class Totals {
        final List<OpenGroup> open = new ArrayList<>();
        final Map<LocalDate, OpenedDay> days = new TreeMap<>();
        long overdue;
        long mine;
        long assigned;

        void day(OpenedDay d) {
            days.merge(
                    d.day(),
                    d,
                    (a, b) -> new OpenedDay(
                            a.day(),
                            a.n() + b.n(),
                            a.closed() + b.closed(),
                            a.firstResponseUs() + b.firstResponseUs(),
                            a.firstResponses() + b.firstResponses(),
                            a.resolutionUs() + b.resolutionUs(),
                            a.resolutions() + b.resolutions()));
        }
    }

    private final JdbcTemplate jdbc;
    private final TicketQueries queries;
    private final boolean postgres;
    private final Clock clock;

    TicketDashboard(JdbcTemplate jdbc, TicketQueries queries, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.postgres = dialect.postgres();
        this.clock = clock;
    }

    Dashboard of(Actor actor) {
        Instant now = clock.instant();
        LocalDate firstDay = TicketStatistics.day(now).minusDays(29);
        Totals totals = new Totals();
        List<UUID> departments = List.copyOf(actor.departments());
        if (actor.admin() || (actor.agent() && !departments.isEmpty())) {
            List<UUID> scope = actor.admin() ? List.of() : departments;
            counted(totals, scope, firstDay);
            mineAndOverdue(totals, actor, scope, now);
            if (!actor.admin()) {
                String in = placeholders(departments.size());
                List<Object> params = new ArrayList<>(List.of(actor.id(), actor.id()));
                params.addAll(departments);
                live(
                        totals,
                        new TicketQueries.Where(
                                "(t.requester_id = ? or t.assignee_id = ?) and t.department_id not in (" + in + ")",
                                params),
                        actor,
                        now,
                        firstDay,
                        false);
            }
        } else {
            live(totals, queries.where(actor, TicketQuery.firstPage(1), now), actor, now, firstDay, true);
        }
        List<OpenedDay> days = List.copyOf(totals.days.values());
        return new Dashboard(
                totals.open.stream().mapToLong(OpenGroup::n).sum(),
                totals.mine,
                totals.assigned,
                totals.open.stream().mapToLong(OpenGroup::unassigned).sum(),
                totals.overdue,
                breakdown(totals.open, OpenGroup::status),
                breakdown(totals.open, OpenGroup::department),
                breakdown(totals.open, OpenGroup::priority),
                days.stream()
                        .filter(d -> d.n() > 0)
                        .map(d -> new Dashboard.Day(d.day(), d.n()))
                        .toList(),
                days.stream()
                        .filter(d -> d.closed() > 0)
                        .map(d -> new Dashboard.Day(d.day(), d.closed()))
                        .toList(),
                average(days, OpenedDay::firstResponseUs, OpenedDay::firstResponses),
                average(days, OpenedDay::resolutionUs, OpenedDay::resolutions));
    }

    /** The counters of all departments (an empty scope) or of the given ones. */
    private void counted(Totals totals, List<UUID> scope, LocalDate firstDay) {
        String in = scope.isEmpty() ? "" : " and department_id in (" + placeholders(scope.size()) + ")";
        jdbc.query(
                "select status_id, department_id, priority, sum(n) as n,"
                        + " sum(case when unassigned then n else 0 end) as unassigned"
                        + " from ticket_open_count where n <> 0" + in
                        + " group by status_id, department_id, priority",
                rs -> {
                    totals.open.add(OpenGroup.of(rs));
                },
                scope.toArray());
        List<Object> params = new ArrayList<>(List.of(firstDay));
        params.addAll(scope);
        jdbc.query(
                "select stat_day, sum(opened) as opened, sum(closed) as closed, sum(first_response_us) as fr_us,"
                        + " sum(first_responses) as fr_n, sum(resolution_us) as res_us, sum(resolutions) as res_n"
                        + " from ticket_daily_count where stat_day >= ?" + in + " group by stat_day",
                rs -> {
                    totals.day(new OpenedDay(
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
    private void mineAndOverdue(Totals totals, Actor actor, List<UUID> scope, Instant now) {
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
     * The tickets of {@code where} counted live: grouped open tickets, and per day those opened and closed.
     * {@code withMine}: also count the actor's own and assigned tickets among them.
     */
    private void live(
            Totals totals, TicketQueries.Where where, Actor actor, Instant now, LocalDate firstDay, boolean withMine) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now), actor.id(), actor.id()));
        params.addAll(where.params());
        jdbc.query(
                "select t.status_id, t.department_id, t.priority, count(*) as n,"
                        + " count(*) filter (where t.assignee_id is null) as unassigned,"
                        + " count(*) filter (where t.due_at < ?) as overdue,"
                        + " count(*) filter (where t.requester_id = ?) as mine,"
                        + " count(*) filter (where t.assignee_id = ?) as assigned"
                        + " from ticket t where not t.is_closed and " + where.sql()
                        + " group by t.status_id, t.department_id, t.priority",
                rs -> {
                    totals.open.add(OpenGroup.of(rs));
                    totals.overdue += rs.getLong("overdue");
                    if (withMine) {
                        totals.mine += rs.getLong("mine");
                        totals.assigned += rs.getLong("assigned");
                    }
                },
                params.toArray());
        Timestamp since = Timestamp.from(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant());
        String micros = postgres
                ? "cast(extract(epoch from (%s - t.opened_at)) * 1000000 as bigint)"
                : "datediff('MICROSECOND', t.opened_at, %s)";
        List<Object> dayParams = new ArrayList<>(List.of(since));
        dayParams.addAll(where.params());
        jdbc.query(
                "select cast(t.opened_at at time zone 'UTC' as date) as d, count(*) as n,"
                        + " sum(" + micros.formatted("t.first_response_at") + ") as fr_us,"
                        + " count(t.first_response_at) as fr_n,"
                        + " sum(" + micros.formatted("t.resolved_at") + ") as res_us,"
                        + " count(t.resolved_at) as res_n"
                        + " from ticket t where t.opened_at >= ? and " + where.sql()
                        + " group by cast(t.opened_at at time zone 'UTC' as date)",
                rs -> {
                    totals.day(new OpenedDay(
                            rs.getObject("d", LocalDate.class),
                            rs.getLong("n"),
                            0,
                            rs.getLong("fr_us"),
                            rs.getLong("fr_n"),
                            rs.getLong("res_us"),
                            rs.getLong("res_n")));
                },
                dayParams.toArray());
        jdbc.query(
                "select cast(t.closed_at at time zone 'UTC' as date) as d, count(*) as n"
                        + " from ticket t where t.closed_at >= ? and " + where.sql()
                        + " group by cast(t.closed_at at time zone 'UTC' as date)",
                rs -> {
                    totals.day(new OpenedDay(rs.getObject("d", LocalDate.class), 0, rs.getLong("n"), 0, 0, 0, 0));
                },
                dayParams.toArray());
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Counts per key, largest first. */
    private static Map<String, Long> breakdown(
            List<OpenGroup> groups, java.util.function.Function<OpenGroup, String> key) {
        Map<String, Long> totals = new HashMap<>();
        groups.forEach(g -> totals.merge(key.apply(g), g.n(), Long::sum));
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** The average in seconds of durations summed in microseconds; null when there is none. */
    private static Double average(
            List<OpenedDay> days,
            java.util.function.ToLongFunction<OpenedDay> micros,
            java.util.function.ToLongFunction<OpenedDay> count) {
        long n = days.stream().mapToLong(count).sum();
        return n == 0 ? null : days.stream().mapToLong(micros).sum() / 1_000_000.0 / n;
    }
}
