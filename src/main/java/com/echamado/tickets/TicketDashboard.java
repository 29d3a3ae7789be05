package com.echamado.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dashboard figures straight from the database, so every replica answers the same. Three statements, each one
 * index-only scan: open tickets grouped by status, department and priority (every open KPI and breakdown is folded
 * from that); tickets opened in the last 30 days per day with their first-response and resolution times; tickets
 * closed in the last 30 days per day. {@link #cached} reuses a caller's figures for {@code
 * echamado.tickets.dashboard-cache-ttl} from the shared cache (Redis in {@code prod}), keyed by who the caller is and
 * what they may see; when the cache fails, the figures come from the database.
 */
@Component
class TicketDashboard {

    static final String CACHE = "ticket-dashboard";

    private record OpenGroup(
            String status,
            String department,
            String priority,
            long n,
            long unassigned,
            long overdue,
            long mine,
            long assigned) {}

    private record OpenedDay(
            LocalDate day,
            long n,
            double firstResponseSum,
            long firstResponses,
            double resolutionSum,
            long resolutions) {}

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

    @Cacheable(cacheNames = CACHE, key = "#actor.scope()")
    public Dashboard cached(Actor actor) {
        return of(actor);
    }

    Dashboard of(Actor actor) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(30));
        TicketQueries.Where visible = queries.where(actor, TicketQuery.firstPage(1), now);
        List<OpenGroup> open = open(actor, visible, now);
        List<OpenedDay> opened = opened(visible, since);
        return new Dashboard(
                open.stream().mapToLong(OpenGroup::n).sum(),
                open.stream().mapToLong(OpenGroup::mine).sum(),
                open.stream().mapToLong(OpenGroup::assigned).sum(),
                open.stream().mapToLong(OpenGroup::unassigned).sum(),
                open.stream().mapToLong(OpenGroup::overdue).sum(),
                breakdown(open, OpenGroup::status),
                breakdown(open, OpenGroup::department),
                breakdown(open, OpenGroup::priority),
                opened.stream().map(d -> new Dashboard.Day(d.day(), d.n())).toList(),
                closed(visible, since),
                average(opened, OpenedDay::firstResponseSum, OpenedDay::firstResponses),
                average(opened, OpenedDay::resolutionSum, OpenedDay::resolutions));
    }

    private List<OpenGroup> open(Actor actor, TicketQueries.Where visible, Instant now) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now), actor.id(), actor.id()));
        params.addAll(visible.params());
        return jdbc.query(
                "select t.status_id, t.department_id, t.priority, count(*) as n,"
                        + " count(*) filter (where t.assignee_id is null) as unassigned,"
                        + " count(*) filter (where t.due_at < ?) as overdue,"
                        + " count(*) filter (where t.requester_id = ?) as mine,"
                        + " count(*) filter (where t.assignee_id = ?) as assigned"
                        + " from ticket t where not t.is_closed and " + visible.sql()
                        + " group by t.status_id, t.department_id, t.priority",
                (rs, i) -> new OpenGroup(
                        rs.getString("status_id"),
                        rs.getString("department_id"),
                        rs.getString("priority"),
                        rs.getLong("n"),
                        rs.getLong("unassigned"),
                        rs.getLong("overdue"),
                        rs.getLong("mine"),
                        rs.getLong("assigned")),
                params.toArray());
    }

    private List<OpenedDay> opened(TicketQueries.Where visible, Instant since) {
        String seconds = postgres ? "extract(epoch from (%s - t.opened_at))" : "datediff('SECOND', t.opened_at, %s)";
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(since)));
        params.addAll(visible.params());
        return jdbc.query(
                "select cast(t.opened_at as date) as d, count(*) as n,"
                        + " sum(" + seconds.formatted("t.first_response_at") + ") as fr_sum,"
                        + " count(t.first_response_at) as fr_n,"
                        + " sum(" + seconds.formatted("t.resolved_at") + ") as res_sum,"
                        + " count(t.resolved_at) as res_n"
                        + " from ticket t where t.opened_at >= ? and " + visible.sql()
                        + " group by cast(t.opened_at as date) order by d",
                (rs, i) -> new OpenedDay(
                        rs.getObject("d", LocalDate.class),
                        rs.getLong("n"),
                        rs.getDouble("fr_sum"),
                        rs.getLong("fr_n"),
                        rs.getDouble("res_sum"),
                        rs.getLong("res_n")),
                params.toArray());
    }

    private List<Dashboard.Day> closed(TicketQueries.Where visible, Instant since) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(since)));
        params.addAll(visible.params());
        return jdbc.query(
                "select cast(t.closed_at as date) as d, count(*) as n from ticket t where t.closed_at >= ? and "
                        + visible.sql() + " group by cast(t.closed_at as date) order by d",
                (rs, i) -> new Dashboard.Day(rs.getObject("d", LocalDate.class), rs.getLong("n")),
                params.toArray());
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

    private static Double average(
            List<OpenedDay> days,
            java.util.function.ToDoubleFunction<OpenedDay> sum,
            java.util.function.ToLongFunction<OpenedDay> count) {
        long n = days.stream().mapToLong(count).sum();
        return n == 0 ? null : days.stream().mapToDouble(sum).sum() / n;
    }
}
