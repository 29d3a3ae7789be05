package com.echamado.dashboard;

import com.echamado.tickets.TicketState;
import com.echamado.tickets.TicketStateChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard counters (V70, docs/scale.md): open tickets per department, status, priority and assignment, and per
 * UTC day and department the tickets opened (with their first-response and resolution times) and closed. Each write
 * of a ticket row ({@link TicketStateChanged}, published inside the writing transaction) takes the ticket's
 * contribution before the write away and adds its present one, in that transaction, so the counters always equal a
 * recount (which {@code --verify-data} checks) and every replica reads the same numbers. The rows change by
 * increments ({@code n = n + excluded.n}) under their row locks, so simultaneous changes add up instead of
 * overwriting each other; they are written in one fixed order, so two transactions never wait for each other in a
 * cycle.
 */
@Component
class TicketStatistics {

    /** What one ticket adds to the counters. */
    record Contribution(
            UUID department,
            UUID status,
            String priority,
            boolean closed,
            boolean unassigned,
            Instant openedAt,
            Instant firstResponseAt,
            Instant resolvedAt,
            Instant closedAt) {}

    private record OpenKey(UUID department, UUID status, String priority, boolean unassigned) {}

    private record DayKey(LocalDate day, UUID department) {}

    private record DayDelta(
            long opened, long closed, long firstResponseUs, long firstResponses, long resolutionUs, long resolutions) {

        DayDelta plus(DayDelta other) {
            return new DayDelta(
                    opened + other.opened,
                    closed + other.closed,
                    firstResponseUs + other.firstResponseUs,
                    firstResponses + other.firstResponses,
                    resolutionUs + other.resolutionUs,
                    resolutions + other.resolutions);
        }

        boolean isZero() {
            return opened == 0
                    && closed == 0
                    && firstResponseUs == 0
                    && firstResponses == 0
                    && resolutionUs == 0
                    && resolutions == 0;
        }
    }

    private static final Comparator<OpenKey> OPEN_ORDER = Comparator.comparing(OpenKey::department)
            .thenComparing(OpenKey::status)
            .thenComparing(OpenKey::priority)
            .thenComparing(OpenKey::unassigned);

    private static final Comparator<DayKey> DAY_ORDER =
            Comparator.comparing(DayKey::day).thenComparing(DayKey::department);

    private final JdbcTemplate jdbc;

    TicketStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a ticket's write, in the transaction of the write (a synchronous listener, not an outbox one). */
    @EventListener
    void on(TicketStateChanged written) {
        apply(contribution(written.before()), contribution(written.after()));
    }

    /** What a ticket in this state adds to the counters; null for none (not yet inserted, or deleted). */
    static Contribution contribution(TicketState state) {
        return state == null
                ? null
                : new Contribution(
                        state.departmentId(),
                        state.statusId(),
                        state.priority().name(),
                        state.closed(),
                        state.assigneeId() == null,
                        state.openedAt(),
                        state.firstResponseAt(),
                        state.resolvedAt(),
                        state.closedAt());
    }

    void apply(Contribution before, Contribution after) {
        if (Objects.equals(before, after)) {
            return;
        }
        Map<OpenKey, Long> open = new TreeMap<>(OPEN_ORDER);
        Map<DayKey, DayDelta> days = new TreeMap<>(DAY_ORDER);
        add(open, days, before, -1);
        add(open, days, after, 1);
        open.values().removeIf(n -> n == 0);
        days.values().removeIf(DayDelta::isZero);
        open.forEach(this::addOpen);
        days.forEach(this::addDay);
    }

    private static void add(Map<OpenKey, Long> open, Map<DayKey, DayDelta> days, Contribution c, int sign) {
        if (c == null) {
            return;
        }
        if (!c.closed()) {
            open.merge(new OpenKey(c.department(), c.status(), c.priority(), c.unassigned()), (long) sign, Long::sum);
        }
        long firstResponseUs = c.firstResponseAt() == null ? 0 : micros(c.openedAt(), c.firstResponseAt());
        long resolutionUs = c.resolvedAt() == null ? 0 : micros(c.openedAt(), c.resolvedAt());
        days.merge(
                new DayKey(day(c.openedAt()), c.department()),
                new DayDelta(
                        sign,
                        0,
                        sign * firstResponseUs,
                        c.firstResponseAt() == null ? 0 : sign,
                        sign * resolutionUs,
                        c.resolvedAt() == null ? 0 : sign),
                DayDelta::plus);
        if (c.closedAt() != null) {
            days.merge(
                    new DayKey(day(c.closedAt()), c.department()), new DayDelta(0, sign, 0, 0, 0, 0), DayDelta::plus);
        }
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    static long micros(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
    }

    private void addOpen(OpenKey key, long n) {
        jdbc.update(
                "insert into ticket_open_count (department_id, status_id, priority, unassigned, n)"
                        + " values (?, ?, ?, ?, ?) on conflict (department_id, status_id, priority, unassigned)"
                        + " do update set n = ticket_open_count.n + excluded.n",
                key.department(),
                key.status(),
                key.priority(),
                key.unassigned(),
                n);
    }

    private void addDay(DayKey key, DayDelta d) {
        Object[] args = {
            key.day(),
            key.department(),
            d.opened(),
            d.closed(),
            d.firstResponseUs(),
            d.firstResponses(),
            d.resolutionUs(),
            d.resolutions()
        };
        jdbc.update(
                "insert into ticket_daily_count (stat_day, department_id, opened, closed, first_response_us,"
                        + " first_responses, resolution_us, resolutions) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (stat_day, department_id) do update set"
                        + " opened = ticket_daily_count.opened + excluded.opened,"
                        + " closed = ticket_daily_count.closed + excluded.closed,"
                        + " first_response_us = ticket_daily_count.first_response_us + excluded.first_response_us,"
                        + " first_responses = ticket_daily_count.first_responses + excluded.first_responses,"
                        + " resolution_us = ticket_daily_count.resolution_us + excluded.resolution_us,"
                        + " resolutions = ticket_daily_count.resolutions + excluded.resolutions",
                args);
    }
}
