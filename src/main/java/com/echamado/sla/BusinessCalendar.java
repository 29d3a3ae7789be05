package com.echamado.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business time of a calendar: a zone, weekly intervals (several a day, minutes of the day, end exclusive, 1440 =
 * midnight), holidays (dates, and month-days that recur every year) or "24×7". Business time is real elapsed time
 * inside the intervals, so a day whose interval spans a DST change has one hour more or less of it. A local time in a
 * spring-forward gap moves later by the gap's length (java.time's rule: 02:30 on a 02:00→03:00 night is 03:30); in a
 * fall-back overlap the earlier offset is used.
 */
final class BusinessCalendar {

    /** Searching further than this for business time means the calendar has none. */
    private static final int MAX_DAYS = 3 * 366;

    record Interval(DayOfWeek day, int startMinute, int endMinute) {
        Interval {
            if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
                throw new IllegalArgumentException(
                        "An interval runs forwards within one day: " + startMinute + "–" + endMinute);
            }
        }
    }

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;
    private final Set<MonthDay> yearlyHolidays;

    BusinessCalendar(
            ZoneId zone,
            boolean alwaysOpen,
            List<Interval> intervals,
            Set<LocalDate> holidays,
            Set<MonthDay> yearlyHolidays) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        this.holidays = Set.copyOf(holidays);
        this.yearlyHolidays = Set.copyOf(yearlyHolidays);
        for (Interval interval : intervals) {
            week.computeIfAbsent(interval.day(), d -> new ArrayList<>()).add(interval);
        }
        for (List<Interval> day : week.values()) {
            day.sort(Comparator.comparingInt(Interval::startMinute));
            for (int i = 1; i < day.size(); i++) {
                if (day.get(i).startMinute() < day.get(i - 1).endMinute()) {
                    throw new IllegalArgumentException(
                            "Intervals of " + day.get(i).day() + " overlap");
                }
            }
        }
        if (!alwaysOpen && week.isEmpty()) {
            throw new IllegalArgumentException("A calendar needs business hours or 24×7");
        }
    }

    static BusinessCalendar twentyFourSeven(ZoneId zone) {
        return new BusinessCalendar(zone, true, List.of(), Set.of(), Set.of());
    }

    ZoneId zone() {
        return zone;
    }

    boolean isHoliday(LocalDate date) {
        return holidays.contains(date) || yearlyHolidays.contains(MonthDay.from(date));
    }

    /** The instant {@code amount} of business time after {@code start}; {@code start} itself for zero. */
    Instant add(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Business time is added forwards only");
        }
        if (amount.isZero()) {
            return start;
        }
        Duration left = amount;
        LocalDate date = LocalDate.ofInstant(start, zone);
        for (int d = 0; d < MAX_DAYS; d++, date = date.plusDays(1)) {
            for (Instant[] open : openings(date)) {
                Instant from = open[0].isBefore(start) ? start : open[0];
                if (!from.isBefore(open[1])) {
                    continue;
                }
                Duration available = Duration.between(from, open[1]);
                if (available.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("No business time within " + MAX_DAYS + " days of " + start);
    }

    Instant addMinutes(Instant start, long minutes) {
        return add(start, Duration.ofMinutes(minutes));
    }

    /** Business time in [a, b); zero when b is not after a. */
    Duration between(Instant a, Instant b) {
        if (!b.isAfter(a)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(b, zone);
        for (LocalDate date = LocalDate.ofInstant(a, zone); !date.isAfter(last); date = date.plusDays(1)) {
            for (Instant[] open : openings(date)) {
                Instant from = open[0].isBefore(a) ? a : open[0];
                Instant to = open[1].isAfter(b) ? b : open[1];
                if (from.isBefore(to)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        return total;
    }

    long minutesBetween(Instant a, Instant b) {
        return between(a, b).toMinutes();
    }

    /** Whether {@code at} lies inside business hours. */
    boolean isOpen(Instant at) {
        for (Instant[] open : openings(LocalDate.ofInstant(at, zone))) {
            if (!at.isBefore(open[0]) && at.isBefore(open[1])) {
                return true;
            }
        }
        return false;
    }

    /** {@code at} when it lies inside business hours, else the start of the next business interval. */
    Instant nextOpening(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, zone);
        for (int d = 0; d < MAX_DAYS; d++, date = date.plusDays(1)) {
            for (Instant[] open : openings(date)) {
                if (at.isBefore(open[1])) {
                    return open[0].isAfter(at) ? open[0] : at;
                }
            }
        }
        throw new IllegalStateException("No business time within " + MAX_DAYS + " days of " + at);
    }

    /** The day's business intervals as instants, in order; adjacent ones across midnight simply follow each other. */
    private List<Instant[]> openings(LocalDate date) {
        if (alwaysOpen) {
            return isHoliday(date)
                    ? List.of()
                    : List.<Instant[]>of(new Instant[] {startOf(date), startOf(date.plusDays(1))});
        }
        if (isHoliday(date)) {
            return List.of();
        }
        List<Instant[]> result = new ArrayList<>();
        for (Interval interval : week.getOrDefault(date.getDayOfWeek(), List.of())) {
            result.add(new Instant[] {at(date, interval.startMinute()), at(date, interval.endMinute())});
        }
        return result;
    }

    private Instant at(LocalDate date, int minuteOfDay) {
        if (minuteOfDay == 1440) {
            return startOf(date.plusDays(1));
        }
        return ZonedDateTime.of(date.atTime(minuteOfDay / 60, minuteOfDay % 60), zone)
                .toInstant();
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
