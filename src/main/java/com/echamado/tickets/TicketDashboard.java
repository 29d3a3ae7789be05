package com.echamado.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Dashboard figures straight from the database, so every replica answers the same. */
@Component
class TicketDashboard {

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
        TicketQueries.Where visible = queries.where(actor, TicketQuery.firstPage(1), now);
        List<Object> params = new ArrayList<>(List.of(actor.id(), actor.id(), Timestamp.from(now)));
        params.addAll(visible.params());
        Map<String, Object> counts = jdbc.queryForMap(
                "select count(*) filter (where not t.is_closed) as open_count,"
                        + " count(*) filter (where not t.is_closed and t.requester_id = ?) as mine,"
                        + " count(*) filter (where not t.is_closed and t.assignee_id = ?) as assigned_to_me,"
                        + " count(*) filter (where not t.is_closed and t.assignee_id is null) as unassigned,"
                        + " count(*) filter (where not t.is_closed and t.due_at < ?) as overdue"
                        + " from ticket t where not t.is_closed and " + visible.sql(),
                params.toArray());
        Instant since = now.minus(Duration.ofDays(30));
        String seconds =
                postgres ? "avg(extract(epoch from (%s - t.opened_at)))" : "avg(datediff('SECOND', t.opened_at, %s))";
        List<Object> timed = new ArrayList<>(List.of(Timestamp.from(since)));
        timed.addAll(visible.params());
        Map<String, Object> times = jdbc.queryForMap(
                "select " + seconds.formatted("t.first_response_at") + " as first_response, "
                        + seconds.formatted("t.resolved_at") + " as resolution"
                        + " from ticket t where t.opened_at >= ? and " + visible.sql(),
                timed.toArray());
        return new Dashboard(
                number(counts.get("open_count")),
                number(counts.get("mine")),
                number(counts.get("assigned_to_me")),
                number(counts.get("unassigned")),
                number(counts.get("overdue")),
                group("t.status_id", visible),
                group("t.department_id", visible),
                group("t.priority", visible),
                perDay("t.opened_at", since, visible),
                perDay("t.closed_at", since, visible),
                decimal(times.get("first_response")),
                decimal(times.get("resolution")));
    }

    private Map<String, Long> group(String column, TicketQueries.Where visible) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query(
                "select " + column + " as k, count(*) as n from ticket t where not t.is_closed and " + visible.sql()
                        + " group by " + column + " order by n desc",
                rs -> {
                    out.put(rs.getString("k"), rs.getLong("n"));
                },
                visible.params().toArray());
        return out;
    }

    private List<Dashboard.Day> perDay(String column, Instant since, TicketQueries.Where visible) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(since)));
        params.addAll(visible.params());
        return jdbc.query(
                "select cast(" + column + " as date) as d, count(*) as n from ticket t where " + column + " >= ? and "
                        + visible.sql() + " group by cast(" + column + " as date) order by d",
                (rs, i) -> new Dashboard.Day(rs.getObject("d", LocalDate.class), rs.getLong("n")),
                params.toArray());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
