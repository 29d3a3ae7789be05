package com.echamado.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One escalation run: under a transaction-scoped PostgreSQL advisory lock (one replica at a time; a replica that
 * dies releases it with its connection), reads the clocks whose {@code next_due_at} has come through its index, and
 * announces each warning and breach once — the primary key of {@code sla_escalation} (ticket, target, cycle, kind)
 * makes a second announcement impossible even if two runs met. A warning due outside the calendar's business hours
 * waits for its next opening when {@link SlaProperties#warningsInBusinessHoursOnly()}; a breach never waits.
 */
@Component
class Escalations {

    /** The advisory lock's key: the ASCII of "slaesc". */
    static final long LOCK = 0x736c61657363L;

    private record Due(
            UUID ticketId,
            SlaTarget target,
            int cycle,
            UUID policyId,
            Instant warningAt,
            Instant deadlineAt,
            long number,
            UUID departmentId,
            UUID assigneeId,
            UUID calendarId) {}

    private final JdbcTemplate jdbc;
    private final TicketClocks clocks;
    private final ApplicationEventPublisher events;
    private final SlaProperties properties;
    private final Clock clock;

    Escalations(
            JdbcTemplate jdbc,
            TicketClocks clocks,
            ApplicationEventPublisher events,
            SlaProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Announces what is due now; the number of clocks handled, or -1 when another replica holds the lock. */
    @Transactional
    public int run() {
        Boolean mine = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
        if (!Boolean.TRUE.equals(mine)) {
            return -1;
        }
        Instant now = clock.instant();
        List<Due> due = jdbc.query(
                "select ticket_id, target, cycle, policy_id, warning_at, deadline_at, ticket_number, department_id,"
                        + " assignee_id, calendar_id from sla_ticket_clock where next_due_at <= ?"
                        + " order by next_due_at limit ?",
                (rs, i) -> new Due(
                        rs.getObject("ticket_id", UUID.class),
                        SlaTarget.valueOf(rs.getString("target")),
                        rs.getInt("cycle"),
                        rs.getObject("policy_id", UUID.class),
                        instant(rs.getTimestamp("warning_at")),
                        instant(rs.getTimestamp("deadline_at")),
                        rs.getLong("ticket_number"),
                        rs.getObject("department_id", UUID.class),
                        rs.getObject("assignee_id", UUID.class),
                        rs.getObject("calendar_id", UUID.class)),
                Timestamp.from(now),
                properties.escalationBatch());
        Function<UUID, BusinessCalendar> calendars = clocks.calendarLookup();
        for (Due d : due) {
            Instant next = null;
            if (d.deadlineAt() != null && !d.deadlineAt().isAfter(now)) {
                if (mark(d, "BREACHED", now, true)) {
                    events.publishEvent(new SlaBreached(
                            UUID.randomUUID(),
                            now,
                            d.ticketId(),
                            d.number(),
                            d.target(),
                            d.cycle(),
                            d.deadlineAt(),
                            d.policyId(),
                            d.departmentId(),
                            d.assigneeId()));
                }
                mark(d, "WARNING", now, false); // a warning after the breach would only confuse
            } else {
                BusinessCalendar calendar = d.calendarId() == null ? null : calendars.apply(d.calendarId());
                if (properties.warningsInBusinessHoursOnly() && calendar != null && !calendar.isOpen(now)) {
                    Instant opening = calendar.nextOpening(now);
                    next = d.deadlineAt() != null && d.deadlineAt().isBefore(opening) ? d.deadlineAt() : opening;
                } else {
                    if (mark(d, "WARNING", now, true)) {
                        events.publishEvent(new SlaWarning(
                                UUID.randomUUID(),
                                now,
                                d.ticketId(),
                                d.number(),
                                d.target(),
                                d.cycle(),
                                d.deadlineAt(),
                                d.policyId(),
                                d.departmentId(),
                                d.assigneeId()));
                    }
                    next = d.deadlineAt();
                }
            }
            jdbc.update(
                    "update sla_ticket_clock set next_due_at = ? where ticket_id = ? and target = ? and cycle = ?",
                    next == null ? null : Timestamp.from(next),
                    d.ticketId(),
                    d.target().name(),
                    d.cycle());
        }
        return due.size();
    }

    /** Records the escalation; true only for the one call that recorded it. */
    private boolean mark(Due d, String kind, Instant now, boolean announced) {
        return jdbc.update(
                        "insert into sla_escalation (ticket_id, target, cycle, kind, sent_at, announced)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
                        d.ticketId(),
                        d.target().name(),
                        d.cycle(),
                        kind,
                        Timestamp.from(now),
                        announced)
                > 0;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
