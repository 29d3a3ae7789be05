package com.echamado.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the stored clocks: a ticket's targets as agents see them now (state, business minutes left), the tickets
 * due soonest through the running-deadline index, and compliance per department and month.
 */
@Component
class ClockReadings {

    private final JdbcTemplate jdbc;
    private final Calendars calendars;

    ClockReadings(JdbcTemplate jdbc, Calendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /** The stored clocks of a ticket as agents see them at {@code now}. */
    @Transactional(readOnly = true)
    public TicketSlaView view(UUID ticketId, Instant now) {
        Map<String, Object> row = jdbc
                .queryForList(
                        "select t.policy_id, t.policy_version, p.name, p.calendar_id from sla_ticket t"
                                + " left join sla_policy p on p.id = t.policy_id where t.ticket_id = ?",
                        ticketId)
                .stream()
                .findFirst()
                .orElse(null);
        if (row == null || row.get("policy_id") == null) {
            return new TicketSlaView(ticketId, null, null, null, List.of());
        }
        BusinessCalendar calendar = row.get("calendar_id") == null
                ? null
                : calendars
                        .find((UUID) row.get("calendar_id"))
                        .map(Calendars::engine)
                        .orElse(null);
        List<TicketClockView> clocks = jdbc.query(
                "select target, cycle, goal_seconds, elapsed_seconds, running, paused, warning_at, deadline_at,"
                        + " met_at, breached_at from sla_ticket_clock where ticket_id = ? order by target",
                (rs, i) -> clockView(
                        SlaTarget.valueOf(rs.getString("target")),
                        rs.getInt("cycle"),
                        Duration.ofSeconds(rs.getLong("goal_seconds")),
                        Duration.ofSeconds(rs.getLong("elapsed_seconds")),
                        rs.getBoolean("paused"),
                        instant(rs.getTimestamp("warning_at")),
                        instant(rs.getTimestamp("deadline_at")),
                        instant(rs.getTimestamp("met_at")),
                        instant(rs.getTimestamp("breached_at")),
                        calendar,
                        now),
                ticketId);
        return new TicketSlaView(
                ticketId,
                (UUID) row.get("policy_id"),
                (String) row.get("name"),
                (Integer) row.get("policy_version"),
                clocks);
    }

    /** Tickets with a running target due before {@code before}, soonest first (the running-deadline index). */
    List<UUID> dueBefore(Instant before, int limit) {
        return jdbc
                .queryForList(
                        "select ticket_id, min(deadline_at) as due from sla_ticket_clock where running and deadline_at < ?"
                                + " group by ticket_id order by due limit ?",
                        Timestamp.from(before),
                        limit)
                .stream()
                .map(row -> (UUID) row.get("ticket_id"))
                .toList();
    }

    /**
     * A target counts in the month it was decided: met, or breached (recorded, or a running deadline now past). The
     * same rule as {@link #clockView}'s state.
     */
    List<ComplianceRow> compliance(Instant from, Instant to, Instant now) {
        return jdbc.query(
                "select department_id, to_char(decided at time zone 'UTC', 'YYYY-MM') as month, target,"
                        + " count(*) filter (where met_at is not null) as met,"
                        + " count(*) filter (where met_at is not null and (breached_at is null or met_at <= breached_at))"
                        + " as in_time, count(*) filter (where met_at is null) as breached_unmet"
                        + " from (select *, coalesce(met_at, breached_at, deadline_at) as decided from sla_ticket_clock"
                        + " where met_at is not null or breached_at is not null or (running and deadline_at <= ?)) c"
                        + " where decided >= ? and decided < ? group by 1, 2, 3 order by 2, 1, 3",
                (rs, i) -> new ComplianceRow(
                        rs.getObject("department_id", UUID.class),
                        rs.getString("month"),
                        SlaTarget.valueOf(rs.getString("target")),
                        rs.getLong("met"),
                        rs.getLong("in_time"),
                        rs.getLong("breached_unmet")),
                Timestamp.from(now),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    static TicketClockView clockView(
            SlaTarget target,
            int cycle,
            Duration goal,
            Duration elapsed,
            boolean paused,
            Instant warningAt,
            Instant deadlineAt,
            Instant metAt,
            Instant breachedAt,
            BusinessCalendar calendar,
            Instant now) {
        boolean breached = breachedAt != null && (metAt == null || metAt.isAfter(breachedAt));
        SlaState state;
        Long remaining = null;
        if (metAt != null) {
            state = SlaState.MET;
        } else if (deadlineAt != null && calendar != null) {
            remaining = now.isBefore(deadlineAt)
                    ? calendar.between(now, deadlineAt).toMinutes()
                    : -calendar.between(deadlineAt, now).toMinutes();
            state = !now.isBefore(deadlineAt)
                    ? SlaState.BREACHED
                    : warningAt != null && !now.isBefore(warningAt) ? SlaState.WARNING : SlaState.OK;
        } else {
            remaining = goal.minus(elapsed).toMinutes();
            state = breached ? SlaState.BREACHED : SlaState.OK;
        }
        return new TicketClockView(
                target,
                cycle,
                state,
                goal.toMinutes(),
                elapsed.toMinutes(),
                remaining,
                paused,
                warningAt,
                deadlineAt,
                metAt,
                breachedAt,
                breached || state == SlaState.BREACHED);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
