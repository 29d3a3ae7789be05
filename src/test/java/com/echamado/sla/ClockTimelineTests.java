package com.echamado.sla;

import static com.echamado.sla.BusinessCalendarTests.DESK;
import static com.echamado.sla.BusinessCalendarTests.SAO_PAULO;
import static com.echamado.sla.BusinessCalendarTests.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Priority;
import com.echamado.sla.ClockTimeline.Clock;
import com.echamado.sla.ClockTimeline.StatusMode;
import com.echamado.sla.TicketFact.Kind;
import com.echamado.tickets.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed SLA clocks on the {@code DESK} calendar of {@link BusinessCalendarTests} (São Paulo, Mon–Fri
 * 08:00–12:00 and 13:00–18:00, 540 business minutes a day; 2026-12-01 is a Tuesday). The default policy promises a
 * first response in 60, a next response in 120 and a resolution in 540 business minutes, warning at 80 %. Urgent
 * tickets are resolved in 120; department {@code ALWAYS_ON} works 24×7 with a resolution in 540.
 */
class ClockTimelineTests {

    static final UUID OPEN = UUID.randomUUID();
    static final UUID WAITING = UUID.randomUUID();
    static final UUID ON_HOLD = UUID.randomUUID();
    static final UUID RESOLVED = UUID.randomUUID();
    static final UUID CLOSED = UUID.randomUUID();
    static final UUID DESK_CALENDAR = UUID.randomUUID();
    static final UUID ALWAYS_CALENDAR = UUID.randomUUID();
    static final UUID SUPPORT = UUID.randomUUID();
    static final UUID ALWAYS_ON = UUID.randomUUID();
    static final UUID OTHER_DEPARTMENT = UUID.randomUUID();

    static final PolicyRule URGENT =
            new PolicyRule(UUID.randomUUID(), 1, null, Priority.URGENT, null, null, DESK_CALENDAR, 30, 60, 120, 80);
    static final PolicyRule ROUND_THE_CLOCK =
            new PolicyRule(UUID.randomUUID(), 1, ALWAYS_ON, null, null, null, ALWAYS_CALENDAR, null, null, 540, 80);
    static final PolicyRule STANDARD =
            new PolicyRule(UUID.randomUUID(), 1, SUPPORT, null, null, null, DESK_CALENDAR, 60, 120, 540, 80);

    static final Map<UUID, BusinessCalendar> CALENDARS =
            Map.of(DESK_CALENDAR, DESK, ALWAYS_CALENDAR, BusinessCalendar.twentyFourSeven(SAO_PAULO));
    static final Map<UUID, StatusMode> MODES = Map.of(
            OPEN,
            StatusMode.RUNNING,
            WAITING,
            StatusMode.PAUSED,
            ON_HOLD,
            StatusMode.HELD,
            RESOLVED,
            StatusMode.DONE,
            CLOSED,
            StatusMode.DONE);

    private static ClockTimeline opened(String at, UUID department, Priority priority, List<PolicyRule> policies) {
        return new ClockTimeline(
                policies,
                CALENDARS::get,
                MODES::get,
                at(at),
                new PolicyRule.Attributes(department, priority, null, null),
                OPEN);
    }

    private static ClockTimeline opened(String at) {
        return opened(at, SUPPORT, Priority.NORMAL, List.of(URGENT, ROUND_THE_CLOCK, STANDARD));
    }

    private static TicketFact fact(String at, Kind kind, Object value) {
        return new TicketFact(at(at), kind, value == null ? null : value.toString());
    }

    private static Clock clock(ClockTimeline timeline, SlaTarget target) {
        return timeline.clocks().stream()
                .filter(c -> c.target() == target)
                .findFirst()
                .orElse(null);
    }

    @Test
    void openingInBusinessHoursCountsFromTheOpening() {
        // Tue 09:00: first response 09:00 + 60 = 10:00, warned at 48 min = 09:48. Resolution 540: Tue 09–12 (180)
        // and 13–18 (300) = 480, Wed 08:00 + 60 = 09:00; warning at 432 = 180 + 252 → 13:00 + 252 min = 17:12.
        ClockTimeline t = opened("2026-12-01T09:00-03:00");
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).deadlineAt()).isEqualTo(at("2026-12-01T10:00-03:00"));
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).warningAt()).isEqualTo(at("2026-12-01T09:48-03:00"));
        assertThat(clock(t, SlaTarget.RESOLUTION).deadlineAt()).isEqualTo(at("2026-12-02T09:00-03:00"));
        assertThat(clock(t, SlaTarget.RESOLUTION).warningAt()).isEqualTo(at("2026-12-01T17:12-03:00"));
        assertThat(clock(t, SlaTarget.NEXT_RESPONSE))
                .as("no requester message waits yet")
                .isNull();
        assertThat(clock(t, SlaTarget.RESOLUTION).policyId()).isEqualTo(STANDARD.id());
    }

    @Test
    void openingAtTheWeekendCountsFromMondayMorning() {
        // Sat 10:00: nothing counts until Mon 7 Dec 08:00; first response at 09:00.
        ClockTimeline t = opened("2026-12-05T10:00-03:00");
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).deadlineAt()).isEqualTo(at("2026-12-07T09:00-03:00"));
    }

    @Test
    void openingLateInTheDayCarriesOverTheNight() {
        // Tue 17:30: 30 min on Tuesday, 30 on Wednesday → Wed 08:30.
        ClockTimeline t = opened("2026-12-01T17:30-03:00");
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).deadlineAt()).isEqualTo(at("2026-12-02T08:30-03:00"));
    }

    @Test
    void openingBeforeAHolidaySkipsIt() {
        // Thu 24 Dec 17:00: 60 min Thursday; Friday 25 is a holiday, then the weekend; first response is met by
        // nobody, so it is due Thu 18:00 — and the resolution (540) is due Mon 28 at 16:00 (60 + 480 on Monday:
        // 08–12 240, 13:00 + 240 → 17:00) — computed: 540 − 60 = 480 → 08:00–12:00 (240), 13:00 + 240 = 17:00.
        ClockTimeline t = opened("2026-12-24T17:00-03:00");
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).deadlineAt()).isEqualTo(at("2026-12-24T18:00-03:00"));
        assertThat(clock(t, SlaTarget.RESOLUTION).deadlineAt()).isEqualTo(at("2026-12-28T17:00-03:00"));
    }

    @Test
    void anAgentReplyInTimeMeetsTheFirstResponse() {
        ClockTimeline t =
                opened("2026-12-01T09:00-03:00").apply(fact("2026-12-01T09:30-03:00", Kind.AGENT_REPLY, null));
        Clock first = clock(t, SlaTarget.FIRST_RESPONSE);
        assertThat(first.metAt()).isEqualTo(at("2026-12-01T09:30-03:00"));
        assertThat(first.breached()).isFalse();
        assertThat(first.running()).isFalse();
        assertThat(first.elapsed()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aLateAgentReplyMeetsTheFirstResponseAsBreachedAtItsDeadline() {
        // Due 10:00, answered 10:30: met, and breached at 10:00.
        ClockTimeline t =
                opened("2026-12-01T09:00-03:00").apply(fact("2026-12-01T10:30-03:00", Kind.AGENT_REPLY, null));
        Clock first = clock(t, SlaTarget.FIRST_RESPONSE);
        assertThat(first.breached()).isTrue();
        assertThat(first.breachedAt()).isEqualTo(at("2026-12-01T10:00-03:00"));
    }

    @Test
    void aReplyExactlyAtTheDeadlineIsInTime() {
        ClockTimeline t =
                opened("2026-12-01T09:00-03:00").apply(fact("2026-12-01T10:00-03:00", Kind.AGENT_REPLY, null));
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).breached()).isFalse();
    }

    @Test
    void internalNotesDoNotCountAsAFirstResponse() {
        // History of a ticket opened Tue 09:00 by the requester: an agent's internal note at 09:10 is not a fact,
        // so the first response stays due at 10:00; the agent's public reply at 09:40 meets it.
        UUID requester = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        List<HistoryEntry> history = List.of(
                new HistoryEntry(1, requester, at("2026-12-01T09:00-03:00"), "created", null, "#1"),
                new HistoryEntry(
                        2,
                        agent,
                        at("2026-12-01T09:10-03:00"),
                        "note",
                        null,
                        UUID.randomUUID().toString()));
        ClockTimeline t = opened("2026-12-01T09:00-03:00");
        TicketFacts.from(history, requester).forEach(t::apply);
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).metAt()).isNull();
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).deadlineAt()).isEqualTo(at("2026-12-01T10:00-03:00"));

        List<HistoryEntry> replied = new ArrayList<>(history);
        replied.add(new HistoryEntry(3, agent, at("2026-12-01T09:40-03:00"), "reply", null, "c"));
        ClockTimeline u = opened("2026-12-01T09:00-03:00");
        TicketFacts.from(replied, requester).forEach(u::apply);
        assertThat(clock(u, SlaTarget.FIRST_RESPONSE).metAt()).isEqualTo(at("2026-12-01T09:40-03:00"));
    }

    @Test
    void aRequesterReplyBeforeAnyAnswerIsNoFirstResponse() {
        ClockTimeline t =
                opened("2026-12-01T09:00-03:00").apply(fact("2026-12-01T09:10-03:00", Kind.REQUESTER_REPLY, null));
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).metAt()).isNull();
        assertThat(clock(t, SlaTarget.NEXT_RESPONSE))
                .as("the first response is still owed")
                .isNull();
    }

    @Test
    void eachRequesterMessageAfterAnAnswerStartsANextResponseCycle() {
        // Answered 09:30; requester writes 10:00 → next response due 12:00 (120). Agent answers 11:00 (met).
        // Requester writes 14:00 → cycle 2 due 16:00.
        ClockTimeline t = opened("2026-12-01T09:00-03:00")
                .apply(fact("2026-12-01T09:30-03:00", Kind.AGENT_REPLY, null))
                .apply(fact("2026-12-01T10:00-03:00", Kind.REQUESTER_REPLY, null));
        assertThat(clock(t, SlaTarget.NEXT_RESPONSE).deadlineAt()).isEqualTo(at("2026-12-01T12:00-03:00"));
        t.apply(fact("2026-12-01T11:00-03:00", Kind.AGENT_REPLY, null));
        assertThat(clock(t, SlaTarget.NEXT_RESPONSE).metAt()).isEqualTo(at("2026-12-01T11:00-03:00"));
        t.apply(fact("2026-12-01T14:00-03:00", Kind.REQUESTER_REPLY, null));
        Clock next = clock(t, SlaTarget.NEXT_RESPONSE);
        assertThat(next.cycle()).isEqualTo(2);
        assertThat(next.deadlineAt()).isEqualTo(at("2026-12-01T16:00-03:00"));
    }

    @Test
    void aPauseAcrossTheNightKeepsTheTimeUsed() {
        // Opened Tue 16:00; waiting for the customer at 17:00 (60 used); the requester answers Wed 10:00 and the
        // clock resumes with 480 left: Wed 10–12 (120) + 13–18 (300) = 420, Thu 08:00 + 60 = Thu 09:00. Without the
        // pause it would have been Wed 16:00.
        ClockTimeline t = opened("2026-12-01T16:00-03:00").apply(fact("2026-12-01T17:00-03:00", Kind.STATUS, WAITING));
        Clock paused = clock(t, SlaTarget.RESOLUTION);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.deadlineAt()).as("a paused clock has no deadline").isNull();
        assertThat(paused.elapsed()).isEqualTo(Duration.ofMinutes(60));
        t.apply(fact("2026-12-02T10:00-03:00", Kind.REQUESTER_REPLY, null));
        assertThat(clock(t, SlaTarget.RESOLUTION).deadlineAt()).isEqualTo(at("2026-12-03T09:00-03:00"));
    }

    @Test
    void aStatusChangeOutOfWaitingResumesTheClock() {
        // Opened Tue 09:00, waiting 09:30–11:00 (agent moves it back): 30 used, 510 left from 11:00:
        // 11–12 (60) + 13–18 (300) = 360, Wed 08:00 + 150 = 10:30.
        ClockTimeline t = opened("2026-12-01T09:00-03:00")
                .apply(fact("2026-12-01T09:30-03:00", Kind.STATUS, WAITING))
                .apply(fact("2026-12-01T11:00-03:00", Kind.STATUS, OPEN));
        assertThat(clock(t, SlaTarget.RESOLUTION).deadlineAt()).isEqualTo(at("2026-12-02T10:30-03:00"));
    }

    @Test
    void aRequesterReplyDoesNotResumeAnOnHoldTicketOnlyTheNextStatusChangeDoes() {
        // Opened Tue 16:00; on hold at 17:00 (60 used). The requester writes Wed 10:00: still held, still 60 used,
        // no deadline. The agent moves it back Wed 15:00: 480 left → Wed 15–18 (180) + Thu 08–12 (240) = 420,
        // Thu 13:00 + 60 = Thu 14:00. (Waiting for the customer instead, the reply would have resumed it at 10:00.)
        ClockTimeline t = opened("2026-12-01T16:00-03:00").apply(fact("2026-12-01T17:00-03:00", Kind.STATUS, ON_HOLD));
        assertThat(clock(t, SlaTarget.RESOLUTION).paused()).isTrue();
        t.apply(fact("2026-12-02T10:00-03:00", Kind.REQUESTER_REPLY, null));
        Clock held = clock(t, SlaTarget.RESOLUTION);
        assertThat(held.paused()).as("a reply does not end a hold").isTrue();
        assertThat(held.running()).isFalse();
        assertThat(held.deadlineAt()).isNull();
        assertThat(held.elapsed()).isEqualTo(Duration.ofMinutes(60));
        t.apply(fact("2026-12-02T15:00-03:00", Kind.STATUS, OPEN));
        Clock resumed = clock(t, SlaTarget.RESOLUTION);
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.elapsed()).isEqualTo(Duration.ofMinutes(60));
        assertThat(resumed.deadlineAt()).isEqualTo(at("2026-12-03T14:00-03:00"));
    }

    @Test
    void aRequesterMessageDuringAHoldStartsANextResponseCycleThatWaitsForTheHoldToEnd() {
        // Opened Tue 09:00, answered 09:30 (first response met), on hold 10:00. The requester writes 11:00: a next
        // response cycle starts but counts nothing while held. Back to open Wed 09:00 → due Wed 09:00 + 120 = 11:00,
        // and the hold's night and morning cost the resolution nothing: 60 used (09:00–10:00 Tue).
        ClockTimeline t = opened("2026-12-01T09:00-03:00")
                .apply(fact("2026-12-01T09:30-03:00", Kind.AGENT_REPLY, null))
                .apply(fact("2026-12-01T10:00-03:00", Kind.STATUS, ON_HOLD))
                .apply(fact("2026-12-01T11:00-03:00", Kind.REQUESTER_REPLY, null));
        Clock waiting = clock(t, SlaTarget.NEXT_RESPONSE);
        assertThat(waiting.cycle()).isEqualTo(1);
        assertThat(waiting.paused()).isTrue();
        assertThat(waiting.deadlineAt()).isNull();
        t.apply(fact("2026-12-02T09:00-03:00", Kind.STATUS, OPEN));
        assertThat(clock(t, SlaTarget.NEXT_RESPONSE).deadlineAt()).isEqualTo(at("2026-12-02T11:00-03:00"));
        assertThat(clock(t, SlaTarget.NEXT_RESPONSE).elapsed()).isEqualTo(Duration.ZERO);
        assertThat(clock(t, SlaTarget.RESOLUTION).elapsed()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void reopeningResumesTheResolutionClockWithTheTimeItHadUsed() {
        // Opened Tue 09:00, resolved 11:00 (120 used, met in time), reopened Wed 09:00: 420 left →
        // Wed 09–12 (180) + 13:00 + 240 = 17:00.
        ClockTimeline t = opened("2026-12-01T09:00-03:00").apply(fact("2026-12-01T11:00-03:00", Kind.STATUS, RESOLVED));
        assertThat(clock(t, SlaTarget.RESOLUTION).metAt()).isEqualTo(at("2026-12-01T11:00-03:00"));
        t.apply(fact("2026-12-02T09:00-03:00", Kind.STATUS, OPEN))
                .apply(fact("2026-12-02T09:00-03:00", Kind.REOPENED, null));
        Clock resolution = clock(t, SlaTarget.RESOLUTION);
        assertThat(resolution.metAt()).isNull();
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofMinutes(120));
        assertThat(resolution.deadlineAt()).isEqualTo(at("2026-12-02T17:00-03:00"));
    }

    @Test
    void closingMeetsEveryRunningTarget() {
        ClockTimeline t = opened("2026-12-01T09:00-03:00").apply(fact("2026-12-01T09:20-03:00", Kind.STATUS, CLOSED));
        assertThat(t.clocks()).allSatisfy(c -> assertThat(c.metAt()).isEqualTo(at("2026-12-01T09:20-03:00")));
    }

    @Test
    void aPriorityChangeReMatchesThePolicyWithoutLosingTheTimeUsed() {
        // Opened Tue 09:00 normal (standard, 540); urgent at 10:00 with 60 used → urgent policy, 120: due 11:00.
        ClockTimeline t =
                opened("2026-12-01T09:00-03:00").apply(fact("2026-12-01T10:00-03:00", Kind.PRIORITY, Priority.URGENT));
        Clock resolution = clock(t, SlaTarget.RESOLUTION);
        assertThat(resolution.policyId()).isEqualTo(URGENT.id());
        assertThat(resolution.elapsed()).isEqualTo(Duration.ofMinutes(60));
        assertThat(resolution.deadlineAt()).isEqualTo(at("2026-12-01T11:00-03:00"));
    }

    @Test
    void aPriorityChangePastTheNewTargetBreachesAtTheChange() {
        // Urgent at 13:30 with 180 + 30 = 210 used > 120: breached at 13:30; also past the urgent first response
        // (30) and its warning.
        ClockTimeline t =
                opened("2026-12-01T09:00-03:00").apply(fact("2026-12-01T13:30-03:00", Kind.PRIORITY, Priority.URGENT));
        assertThat(clock(t, SlaTarget.RESOLUTION).breachedAt()).isEqualTo(at("2026-12-01T13:30-03:00"));
        assertThat(clock(t, SlaTarget.RESOLUTION).deadlineAt()).isEqualTo(at("2026-12-01T13:30-03:00"));
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE).breached()).isTrue();
    }

    @Test
    void aDepartmentChangeToARoundTheClockPolicyCountsTheRestAroundTheClock() {
        // Fri 4 Dec 17:00 in support (desk hours); moved to the 24×7 department at 18:00 with 60 used: 480 left
        // around the clock → Sat 02:00.
        ClockTimeline t =
                opened("2026-12-04T17:00-03:00").apply(fact("2026-12-04T18:00-03:00", Kind.DEPARTMENT, ALWAYS_ON));
        Clock resolution = clock(t, SlaTarget.RESOLUTION);
        assertThat(resolution.policyId()).isEqualTo(ROUND_THE_CLOCK.id());
        assertThat(resolution.deadlineAt()).isEqualTo(at("2026-12-05T02:00-03:00"));
        assertThat(clock(t, SlaTarget.FIRST_RESPONSE))
                .as("that policy promises no first response")
                .isNull();
    }

    @Test
    void anEditedPolicyAppliesItsNewTargetsAndVersionOnRecomputation() {
        // Version 2 of the standard policy resolves in 600: Tue 09:00 + 480 Tuesday, Wed 08:00 + 120 = 10:00.
        PolicyRule edited =
                new PolicyRule(STANDARD.id(), 2, SUPPORT, null, null, null, DESK_CALENDAR, 60, 120, 600, 80);
        ClockTimeline t = opened("2026-12-01T09:00-03:00", SUPPORT, Priority.NORMAL, List.of(URGENT, edited));
        Clock resolution = clock(t, SlaTarget.RESOLUTION);
        assertThat(resolution.policyVersion()).isEqualTo(2);
        assertThat(resolution.deadlineAt()).isEqualTo(at("2026-12-02T10:00-03:00"));
    }

    @Test
    void theFirstMatchingPolicyApplies() {
        // An urgent ticket of the 24×7 department matches URGENT first (it comes first in the order).
        ClockTimeline t = opened(
                "2026-12-01T09:00-03:00", ALWAYS_ON, Priority.URGENT, List.of(URGENT, ROUND_THE_CLOCK, STANDARD));
        assertThat(clock(t, SlaTarget.RESOLUTION).policyId()).isEqualTo(URGENT.id());
    }

    @Test
    void aTicketNoPolicyMatchesHasNoClocks() {
        ClockTimeline t = opened("2026-12-01T09:00-03:00", OTHER_DEPARTMENT, Priority.NORMAL, List.of(STANDARD));
        assertThat(t.clocks()).isEmpty();
    }

    /**
     * Property: for random event sequences, the clocks computed incrementally (a deadline predicted after each
     * fact, kept as long as nothing else happens) agree with the clocks recomputed from the whole history: the time
     * used always equals the business time of the running spans, and a predicted deadline that passes before the
     * next fact is reported as the breach instant by the recomputation.
     */
    @Test
    void incrementalDeadlinesEqualTheOnesRecomputedFromHistory() {
        Random random = new Random(1717);
        Kind[] kinds = {Kind.STATUS, Kind.AGENT_REPLY, Kind.REQUESTER_REPLY, Kind.PRIORITY};
        UUID[] statuses = {OPEN, WAITING, ON_HOLD, OPEN, RESOLVED};
        for (int run = 0; run < 200; run++) {
            Instant opening = at("2026-11-30T00:00-03:00").plusSeconds(60L * random.nextInt(7 * 24 * 60));
            List<TicketFact> facts = new ArrayList<>();
            Instant t = opening;
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                t = t.plusSeconds(60L * random.nextInt(24 * 60));
                Kind kind = kinds[random.nextInt(kinds.length)];
                Object value = switch (kind) {
                    case STATUS -> statuses[random.nextInt(statuses.length)];
                    case PRIORITY -> random.nextBoolean() ? Priority.URGENT : Priority.NORMAL;
                    default -> null;
                };
                facts.add(new TicketFact(t, kind, value == null ? null : value.toString()));
            }
            ClockTimeline incremental = timeline(opening);
            List<Clock> predicted = incremental.clocks();
            for (int i = 0; i < facts.size(); i++) {
                TicketFact next = facts.get(i);
                ClockTimeline replayed = timeline(opening);
                facts.subList(0, i + 1).forEach(replayed::apply);
                for (Clock before : predicted) {
                    if (before.deadlineAt() != null && before.deadlineAt().isBefore(next.at())) {
                        Clock after = replayed.clocks().stream()
                                .filter(c -> c.target() == before.target() && c.cycle() == before.cycle())
                                .findFirst()
                                .orElseThrow();
                        assertThat(after.breachedAt())
                                .as("run %d fact %d %s", run, i, before.target())
                                .isEqualTo(before.deadlineAt());
                    }
                }
                incremental.apply(next);
                assertThat(incremental.clocks()).as("run %d fact %d", run, i).isEqualTo(replayed.clocks());
                predicted = incremental.clocks();
            }
        }
    }

    private static ClockTimeline timeline(Instant opening) {
        return new ClockTimeline(
                List.of(URGENT, STANDARD),
                CALENDARS::get,
                MODES::get,
                opening,
                new PolicyRule.Attributes(SUPPORT, Priority.NORMAL, null, null),
                OPEN);
    }
}
