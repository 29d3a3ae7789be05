package com.echamado.sla;

import com.echamado.catalog.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Replays a ticket's facts from its opening and tells, per target, the business time used, whether the clock runs,
 * and the warning and deadline instants. Everything follows from the facts, the policies and the calendars, so a
 * recomputation always gives the same answer. (Longer than most classes: it is the one state machine of the SLA
 * rules, kept whole so that the rules read in one place.)
 *
 * <ul>
 *   <li>Between two facts each running clock gains the business time of the calendar of the policy that matched the
 *       ticket then, so a re-match (priority, department, type or category changed) keeps the time already used
 *       and only the target and the calendar of the time after it change.
 *   <li>Clocks pause on a status that waits for the customer; the next status change or a requester reply resumes
 *       them. They pause on a status that holds the ticket, too, but only the next status change resumes those. A resolving or final status meets every running target; reopening resumes the resolution clock with
 *       the time it had used.
 *   <li>First response is met by the first public reply of someone other than the requester; each requester reply
 *       after it starts a new next-response cycle, met by the next such reply.
 * </ul>
 */
final class ClockTimeline {

    enum StatusMode {
        RUNNING,
        /** Waiting for the customer: a requester reply resumes the clocks, as does the next status change. */
        PAUSED,
        /** On hold: only the next status change resumes the clocks; a requester reply does not. */
        HELD,
        DONE;

        boolean paused() {
            return this == PAUSED || this == HELD;
        }
    }

    /** The outcome for one target and cycle. {@code deadlineAt}/{@code warningAt} are null unless the clock runs. */
    record Clock(
            SlaTarget target,
            int cycle,
            UUID policyId,
            int policyVersion,
            Duration goal,
            Duration elapsed,
            boolean running,
            boolean paused,
            Instant warningAt,
            Instant deadlineAt,
            Instant metAt,
            Instant breachedAt) {

        boolean breached() {
            return breachedAt != null && (metAt == null || metAt.isAfter(breachedAt));
        }
    }

    private static final class Cycle {
        int number;
        boolean active;
        Duration elapsed = Duration.ZERO;
        Instant metAt;
        Instant warnedAt;
        Instant breachedAt;
    }

    private final List<PolicyRule> policies;
    private final Function<UUID, BusinessCalendar> calendars;
    private final Function<UUID, StatusMode> statuses;
    private final Map<SlaTarget, Cycle> cycles = new EnumMap<>(SlaTarget.class);
    private UUID department;
    private Priority priority;
    private UUID type;
    private UUID category;
    private StatusMode mode;
    private Instant last;

    ClockTimeline(
            List<PolicyRule> policies,
            Function<UUID, BusinessCalendar> calendars,
            Function<UUID, StatusMode> statuses,
            Instant openedAt,
            PolicyRule.Attributes opening,
            UUID openingStatus) {
        this.policies = policies;
        this.calendars = calendars;
        this.statuses = statuses;
        this.department = opening.departmentId();
        this.priority = opening.priority();
        this.type = opening.typeId();
        this.category = opening.categoryId();
        this.mode = statuses.apply(openingStatus);
        this.last = openedAt;
        for (SlaTarget target : SlaTarget.values()) {
            cycles.put(target, new Cycle());
        }
        cycles.get(SlaTarget.FIRST_RESPONSE).active = true;
        cycles.get(SlaTarget.FIRST_RESPONSE).number = 1;
        cycles.get(SlaTarget.RESOLUTION).active = true;
        cycles.get(SlaTarget.RESOLUTION).number = 1;
        if (mode == StatusMode.DONE) {
            meetAll(openedAt);
        }
    }

    PolicyRule policy() {
        PolicyRule.Attributes attributes = new PolicyRule.Attributes(department, priority, type, category);
        return policies.stream().filter(p -> p.matches(attributes)).findFirst().orElse(null);
    }

    ClockTimeline apply(TicketFact fact) {
        Instant at = fact.at().isBefore(last) ? last : fact.at();
        advance(at);
        switch (fact.kind()) {
            case STATUS -> {
                mode = statuses.apply(UUID.fromString(fact.value()));
                if (mode == StatusMode.DONE) {
                    meetAll(at);
                }
            }
            case REOPENED -> {
                Cycle resolution = cycles.get(SlaTarget.RESOLUTION);
                resolution.metAt = null;
                resolution.active = true;
            }
            case REQUESTER_REPLY -> {
                if (mode == StatusMode.PAUSED) {
                    mode = StatusMode.RUNNING;
                }
                Cycle first = cycles.get(SlaTarget.FIRST_RESPONSE);
                Cycle next = cycles.get(SlaTarget.NEXT_RESPONSE);
                if (first.metAt != null && (!next.active || next.metAt != null)) {
                    next.number++;
                    next.active = true;
                    next.elapsed = Duration.ZERO;
                    next.metAt = null;
                    next.warnedAt = null;
                    next.breachedAt = null;
                }
            }
            case AGENT_REPLY -> {
                for (SlaTarget target : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.NEXT_RESPONSE)) {
                    Cycle cycle = cycles.get(target);
                    if (cycle.active && cycle.metAt == null) {
                        cycle.metAt = at;
                    }
                }
            }
            case DEPARTMENT -> department = fact.value() == null ? null : UUID.fromString(fact.value());
            case PRIORITY -> priority = fact.value() == null ? null : Priority.valueOf(fact.value());
            case TYPE -> type = fact.value() == null ? null : UUID.fromString(fact.value());
            case CATEGORY -> category = fact.value() == null ? null : UUID.fromString(fact.value());
        }
        crossAfterRematch(at);
        return this;
    }

    /** The clocks after the last fact; a running clock's instants assume nothing else happens. */
    List<Clock> clocks() {
        PolicyRule policy = policy();
        List<Clock> result = new ArrayList<>();
        if (policy == null) {
            return result;
        }
        BusinessCalendar calendar = calendars.apply(policy.calendarId());
        for (SlaTarget target : SlaTarget.values()) {
            Cycle cycle = cycles.get(target);
            Duration goal = policy.target(target);
            if (goal == null || !cycle.active) {
                continue;
            }
            boolean open = cycle.metAt == null;
            boolean running = open && mode == StatusMode.RUNNING;
            Instant warningAt = null;
            Instant deadlineAt = null;
            if (running) {
                Duration warning = policy.warning(goal);
                warningAt = cycle.warnedAt != null ? cycle.warnedAt : calendar.add(last, warning.minus(cycle.elapsed));
                deadlineAt =
                        cycle.breachedAt != null ? cycle.breachedAt : calendar.add(last, goal.minus(cycle.elapsed));
            }
            result.add(new Clock(
                    target,
                    cycle.number,
                    policy.id(),
                    policy.version(),
                    goal,
                    cycle.elapsed,
                    running,
                    open && mode.paused(),
                    warningAt,
                    deadlineAt,
                    cycle.metAt,
                    cycle.breachedAt));
        }
        return result;
    }

    private void advance(Instant to) {
        if (mode == StatusMode.RUNNING && to.isAfter(last)) {
            PolicyRule policy = policy();
            if (policy != null) {
                BusinessCalendar calendar = calendars.apply(policy.calendarId());
                for (SlaTarget target : SlaTarget.values()) {
                    Cycle cycle = cycles.get(target);
                    Duration goal = policy.target(target);
                    if (!cycle.active || cycle.metAt != null) {
                        continue;
                    }
                    Duration gained = calendar.between(last, to);
                    if (goal != null) {
                        cycle.warnedAt =
                                crossing(cycle.warnedAt, policy.warning(goal), cycle.elapsed, gained, to, calendar);
                        cycle.breachedAt = crossing(cycle.breachedAt, goal, cycle.elapsed, gained, to, calendar);
                    }
                    cycle.elapsed = cycle.elapsed.plus(gained);
                }
            }
        }
        last = to;
    }

    /**
     * The instant the threshold is reached while the span up to {@code to} adds {@code gained}, if that instant lies
     * strictly before {@code to}: a reply exactly at the deadline is in time, one after it (even when no business
     * time passed since, e.g. in the evening) is late.
     */
    private Instant crossing(
            Instant known,
            Duration threshold,
            Duration elapsed,
            Duration gained,
            Instant to,
            BusinessCalendar calendar) {
        if (known != null || elapsed.plus(gained).compareTo(threshold) < 0) {
            return known;
        }
        Instant reached =
                calendar.add(last, threshold.compareTo(elapsed) > 0 ? threshold.minus(elapsed) : Duration.ZERO);
        return reached.isBefore(to) ? reached : null;
    }

    /** A new policy with a smaller target may find the time already used past it: that happened at the change. */
    private void crossAfterRematch(Instant at) {
        PolicyRule policy = policy();
        if (policy == null) {
            return;
        }
        for (SlaTarget target : SlaTarget.values()) {
            Cycle cycle = cycles.get(target);
            Duration goal = policy.target(target);
            if (goal == null || !cycle.active || cycle.metAt != null) {
                continue;
            }
            if (cycle.warnedAt == null && cycle.elapsed.compareTo(policy.warning(goal)) > 0) {
                cycle.warnedAt = at;
            }
            if (cycle.breachedAt == null && cycle.elapsed.compareTo(goal) > 0) {
                cycle.breachedAt = at;
            }
        }
    }

    private void meetAll(Instant at) {
        for (Cycle cycle : cycles.values()) {
            if (cycle.active && cycle.metAt == null) {
                cycle.metAt = at;
            }
        }
    }
}
