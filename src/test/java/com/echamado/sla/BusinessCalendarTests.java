package com.echamado.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed business time. Calendars:
 *
 * <ul>
 *   <li>{@code DESK}: America/Sao_Paulo (UTC−3 all of 2026, no DST since 2019), Mon–Fri 08:00–12:00 and
 *       13:00–18:00 (540 min a day); 25 December every year; 2 November 2026 only. 2026-12-01 is a Tuesday.
 *   <li>{@code NIGHT}: Europe/Berlin, every day 00:00–06:00 and 22:00–24:00. DST 2026: Sunday 29 March 02:00 CET →
 *       03:00 CEST (that night has 5 real hours before 06:00), Sunday 25 October 03:00 CEST → 02:00 CET (7 hours).
 *   <li>{@code BERLIN_OFFICE}: Europe/Berlin Mon–Fri 09:00–17:00.
 *   <li>{@code SP_ALWAYS}: America/Sao_Paulo 24×7; in 2018/19 Brazil still had DST: 4 November 2018 00:00 −03 →
 *       01:00 −02 (a 23-hour day), 17 February 2019 00:00 −02 → 16 February 23:00 −03 (a 25-hour day).
 *   <li>{@code SP_OFFICE_2018}: America/Sao_Paulo Mon–Fri 08:00–18:00, no holidays.
 *   <li>{@code GAP}: Europe/Berlin, Sundays 02:30–04:00 only: on 29 March 2026 02:30 does not exist and java.time
 *       moves it by the gap to 03:30 CEST, so that Sunday has 30 minutes.
 * </ul>
 */
class BusinessCalendarTests {

    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final BusinessCalendar DESK = new BusinessCalendar(
            SAO_PAULO,
            false,
            weekdays(List.of(new int[] {8 * 60, 12 * 60}, new int[] {13 * 60, 18 * 60})),
            Set.of(LocalDate.of(2026, 11, 2)),
            Set.of(MonthDay.of(12, 25)));

    static final BusinessCalendar NIGHT = new BusinessCalendar(
            BERLIN, false, everyDay(List.of(new int[] {0, 6 * 60}, new int[] {22 * 60, 1440})), Set.of(), Set.of());

    static final BusinessCalendar BERLIN_OFFICE = new BusinessCalendar(
            BERLIN, false, weekdays(List.<int[]>of(new int[] {9 * 60, 17 * 60})), Set.of(), Set.of());

    static final BusinessCalendar SP_ALWAYS = BusinessCalendar.twentyFourSeven(SAO_PAULO);

    static final BusinessCalendar SP_OFFICE_2018 = new BusinessCalendar(
            SAO_PAULO, false, weekdays(List.<int[]>of(new int[] {8 * 60, 18 * 60})), Set.of(), Set.of());

    static final BusinessCalendar GAP = new BusinessCalendar(
            BERLIN,
            false,
            List.of(new BusinessCalendar.Interval(DayOfWeek.SUNDAY, 2 * 60 + 30, 4 * 60)),
            Set.of(),
            Set.of());

    static Stream<Arguments> additions() {
        return Stream.of(
                // 1. within one interval: Tue 09:00 + 60 = 10:00
                add(DESK, "2026-12-01T09:00-03:00", 60, "2026-12-01T10:00-03:00"),
                // 2. exactly to the end of the morning: 09:00 + 180 = 12:00 (an end boundary is a valid deadline)
                add(DESK, "2026-12-01T09:00-03:00", 180, "2026-12-01T12:00-03:00"),
                // 3. across lunch: 30 min before 12:00, 30 after 13:00
                add(DESK, "2026-12-01T11:30-03:00", 60, "2026-12-01T13:30-03:00"),
                // 4. overnight: 30 min until 18:00, 30 from Wed 08:00
                add(DESK, "2026-12-01T17:30-03:00", 60, "2026-12-02T08:30-03:00"),
                // 5. opened before hours: counting starts at 08:00
                add(DESK, "2026-12-01T07:00-03:00", 30, "2026-12-01T08:30-03:00"),
                // 6. opened at lunch: counting starts at 13:00
                add(DESK, "2026-12-01T12:30-03:00", 15, "2026-12-01T13:15-03:00"),
                // 7. opened after hours: the next morning
                add(DESK, "2026-12-01T20:00-03:00", 10, "2026-12-02T08:10-03:00"),
                // 8. weekend: Fri 17:00 + 120 = 60 on Friday, 60 on Monday 7 December
                add(DESK, "2026-12-04T17:00-03:00", 120, "2026-12-07T09:00-03:00"),
                // 9. opened on Saturday: Monday 08:00 + 60
                add(DESK, "2026-12-05T10:00-03:00", 60, "2026-12-07T09:00-03:00"),
                // 10. yearly holiday: Thu 24 Dec 17:00 + 120 = 60 Thu; Fri 25 holiday, weekend; Mon 28 09:00
                add(DESK, "2026-12-24T17:00-03:00", 120, "2026-12-28T09:00-03:00"),
                // 11. the same holiday recurs: 25 Dec 2030 is a Wednesday; Tue 24 17:00 + 120 → Thu 26 09:00
                add(DESK, "2030-12-24T17:00-03:00", 120, "2030-12-26T09:00-03:00"),
                // 12. one-off holiday: Fri 30 Oct 17:00 + 120; Mon 2 Nov off → Tue 3 Nov 09:00
                add(DESK, "2026-10-30T17:00-03:00", 120, "2026-11-03T09:00-03:00"),
                // 13. …which does not recur: Mon 1 Nov 2027 17:00 + 120 → Tue 2 Nov 2027 09:00
                add(DESK, "2027-11-01T17:00-03:00", 120, "2027-11-02T09:00-03:00"),
                // 14. a whole business day: 08:00 + 540 = 18:00
                add(DESK, "2026-12-01T08:00-03:00", 540, "2026-12-01T18:00-03:00"),
                // 15. one minute more runs into the next morning
                add(DESK, "2026-12-01T08:00-03:00", 541, "2026-12-02T08:01-03:00"),
                // 16. zero minutes is the start itself, even outside hours
                add(DESK, "2026-12-05T10:00-03:00", 0, "2026-12-05T10:00-03:00"),
                // 17. starting exactly at an interval's end: the next interval
                add(DESK, "2026-12-01T12:00-03:00", 1, "2026-12-01T13:01-03:00"),
                // 18. starting exactly at the day's end
                add(DESK, "2026-12-01T18:00-03:00", 1, "2026-12-02T08:01-03:00"),
                // 19. Berlin spring forward: Sat 23:00 + 180 = 60 before midnight, then 120 real minutes from
                //     00:00 CET (23:00Z) → 01:00Z = 03:00 CEST (wall clock says 03:00, not 02:00)
                add(NIGHT, "2026-03-28T23:00+01:00", 180, "2026-03-29T03:00+02:00"),
                // 20. Berlin fall back: Sat 23:00 CEST + 240 = 60 before midnight, 180 from 00:00 CEST (22:00Z) →
                //     01:00Z = the second 02:00 (CET), not 03:00
                add(NIGHT, "2026-10-24T23:00+02:00", 240, "2026-10-25T02:00+01:00"),
                // 21. office hours over the DST weekend: Fri 16:00 CET + 120 → Mon 10:00 CEST
                add(BERLIN_OFFICE, "2026-03-27T16:00+01:00", 120, "2026-03-30T10:00+02:00"),
                // 22. São Paulo 2018 spring forward, 24×7: Sat 23:30 −03 (02:30Z) + 60 → 03:30Z = 01:30 −02
                add(SP_ALWAYS, "2018-11-03T23:30-03:00", 60, "2018-11-04T01:30-02:00"),
                // 23. São Paulo 2019 fall back, 24×7: Sat 23:30 −02 (01:30Z) + 60 → 02:30Z = 23:30 −03 again
                add(SP_ALWAYS, "2019-02-16T23:30-02:00", 60, "2019-02-16T23:30-03:00"),
                // 24. São Paulo 2018 office hours over the changing weekend: Fri 17:00 −03 + 120 → Mon 09:00 −02
                add(SP_OFFICE_2018, "2018-11-02T17:00-03:00", 120, "2018-11-05T09:00-02:00"),
                // 25. an interval starting in the gap: Sunday 29 March has 03:30–04:00 CEST only; + 20 → 03:50
                add(GAP, "2026-03-29T00:00+01:00", 20, "2026-03-29T03:50+02:00"),
                // 26. …and 40 minutes need the next Sunday (5 April, CEST): 30 on the 29th, 10 from 02:30
                add(GAP, "2026-03-29T00:00+01:00", 40, "2026-04-05T02:40+02:00"));
    }

    static Stream<Arguments> spans() {
        return Stream.of(
                // 27. within an interval
                span(DESK, "2026-12-01T09:00-03:00", "2026-12-01T10:00-03:00", 60),
                // 28. across lunch: 11:00–12:00 and 13:00–14:00
                span(DESK, "2026-12-01T11:00-03:00", "2026-12-01T14:00-03:00", 120),
                // 29. over a weekend: Fri 17:00–18:00 and Mon 08:00–09:00
                span(DESK, "2026-12-04T17:00-03:00", "2026-12-07T09:00-03:00", 120),
                // 30. a weekend alone
                span(DESK, "2026-12-05T00:00-03:00", "2026-12-07T00:00-03:00", 0),
                // 31. Thu 24 Dec 08:00 → Mon 28 Dec 08:00: Thursday only (holiday, weekend)
                span(DESK, "2026-12-24T08:00-03:00", "2026-12-28T08:00-03:00", 540),
                // 32. backwards is nothing
                span(DESK, "2026-12-01T10:00-03:00", "2026-12-01T09:00-03:00", 0),
                // 33. Berlin spring-forward night: 00:00 CET → 06:00 CEST is 5 hours
                span(NIGHT, "2026-03-29T00:00+01:00", "2026-03-29T06:00+02:00", 300),
                // 34. Berlin fall-back night: 00:00 CEST → 06:00 CET is 7 hours
                span(NIGHT, "2026-10-25T00:00+02:00", "2026-10-25T06:00+01:00", 420),
                // 35. São Paulo 23-hour day, noon to noon
                span(SP_ALWAYS, "2018-11-03T12:00-03:00", "2018-11-04T12:00-02:00", 1380),
                // 36. São Paulo 25-hour day, noon to noon
                span(SP_ALWAYS, "2019-02-16T12:00-02:00", "2019-02-17T12:00-03:00", 1500),
                // 37. São Paulo 2018 office hours: Fri 17:00 −03 → Mon 09:00 −02, 60 + 60
                span(SP_OFFICE_2018, "2018-11-02T17:00-03:00", "2018-11-05T09:00-02:00", 120),
                // 38. the gap Sunday: 03:30–04:00 CEST only
                span(GAP, "2026-03-29T00:00+01:00", "2026-03-29T06:00+02:00", 30));
    }

    @ParameterizedTest(name = "{index}: {1} + {2} min = {3}")
    @MethodSource("additions")
    void addsBusinessMinutesAsComputedByHand(BusinessCalendar calendar, Instant start, long minutes, Instant due) {
        assertThat(calendar.addMinutes(start, minutes)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{index}: {1} → {2} = {3} min")
    @MethodSource("spans")
    void countsBusinessMinutesAsComputedByHand(BusinessCalendar calendar, Instant a, Instant b, long minutes) {
        assertThat(calendar.minutesBetween(a, b)).isEqualTo(minutes);
    }

    @Test
    void tellsOpenHoursWithEndsExclusive() {
        // 39. 11:59 is open, 12:00 (end of the morning) is not; 40. lunch resumes at 13:00; 41. Friday evening
        // resumes Monday 08:00
        assertThat(DESK.isOpen(at("2026-12-01T11:59-03:00"))).isTrue();
        assertThat(DESK.isOpen(at("2026-12-01T12:00-03:00"))).isFalse();
        assertThat(DESK.nextOpening(at("2026-12-01T12:30-03:00"))).isEqualTo(at("2026-12-01T13:00-03:00"));
        assertThat(DESK.nextOpening(at("2026-12-04T19:00-03:00"))).isEqualTo(at("2026-12-07T08:00-03:00"));
        assertThat(DESK.nextOpening(at("2026-12-01T09:15-03:00"))).isEqualTo(at("2026-12-01T09:15-03:00"));
    }

    /**
     * Property: on random calendars and instants, adding then counting gives the amount back, and the count equals a
     * minute-by-minute walk over {@link BusinessCalendar#isOpen}.
     */
    @Test
    void addingAndCountingAgreeWithAMinuteByMinuteWalk() {
        Random random = new Random(17);
        List<BusinessCalendar> calendars = List.of(DESK, NIGHT, BERLIN_OFFICE, SP_ALWAYS, SP_OFFICE_2018);
        for (int i = 0; i < 300; i++) {
            BusinessCalendar calendar = calendars.get(random.nextInt(calendars.size()));
            Instant start = at(random.nextBoolean() ? "2026-03-26T00:00+01:00" : "2018-11-01T00:00-03:00")
                    .plusSeconds(60L * random.nextInt(60 * 24 * 7));
            long minutes = random.nextInt(3000);
            Instant end = calendar.addMinutes(start, minutes);
            assertThat(calendar.minutesBetween(start, end)).as("case %d", i).isEqualTo(minutes);
            if (i % 10 == 0) {
                long walked = 0;
                for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
                    walked += calendar.isOpen(t) ? 1 : 0;
                }
                assertThat(walked).as("walk %d", i).isEqualTo(minutes);
            }
        }
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static Arguments add(BusinessCalendar calendar, String start, long minutes, String due) {
        return Arguments.of(calendar, at(start), minutes, at(due));
    }

    private static Arguments span(BusinessCalendar calendar, String a, String b, long minutes) {
        return Arguments.of(calendar, at(a), at(b), minutes);
    }

    static List<BusinessCalendar.Interval> weekdays(List<int[]> hours) {
        List<BusinessCalendar.Interval> result = new ArrayList<>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.forEach(h -> result.add(new BusinessCalendar.Interval(day, h[0], h[1])));
        }
        return result;
    }

    static List<BusinessCalendar.Interval> everyDay(List<int[]> hours) {
        List<BusinessCalendar.Interval> result = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.forEach(h -> result.add(new BusinessCalendar.Interval(day, h[0], h[1])));
        }
        return result;
    }

    static ZonedDateTime local(String offsetDateTime, ZoneId zone) {
        return OffsetDateTime.parse(offsetDateTime).atZoneSameInstant(zone);
    }
}
