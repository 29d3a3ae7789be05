package com.echamado.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The figures {@link TicketDashboard} reads, summed up (counters and live counts alike) into a {@link Dashboard}. */
final class DashboardTotals {

    /** Open tickets of one status, department and priority, and how many of them nobody works. */
    record OpenGroup(String status, String department, String priority, long n, long unassigned) {

        static OpenGroup of(ResultSet rs) throws SQLException {
            return new OpenGroup(
                    rs.getString("status_id"),
                    rs.getString("department_id"),
                    rs.getString("priority"),
                    rs.getLong("n"),
                    rs.getLong("unassigned"));
        }
    }

    /** One UTC day: tickets opened (with their first-response and resolution times) and closed. */
    record OpenedDay(
            LocalDate day,
            long n,
            long closed,
            long firstResponseUs,
            long firstResponses,
            long resolutionUs,
            long resolutions) {}

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

    Dashboard dashboard() {
        List<OpenedDay> all = List.copyOf(days.values());
        return new Dashboard(
                open.stream().mapToLong(OpenGroup::n).sum(),
                mine,
                assigned,
                open.stream().mapToLong(OpenGroup::unassigned).sum(),
                overdue,
                breakdown(OpenGroup::status),
                breakdown(OpenGroup::department),
                breakdown(OpenGroup::priority),
                all.stream()
                        .filter(d -> d.n() > 0)
                        .map(d -> new Dashboard.Day(d.day(), d.n()))
                        .toList(),
                all.stream()
                        .filter(d -> d.closed() > 0)
                        .map(d -> new Dashboard.Day(d.day(), d.closed()))
                        .toList(),
                average(all, OpenedDay::firstResponseUs, OpenedDay::firstResponses),
                average(all, OpenedDay::resolutionUs, OpenedDay::resolutions));
    }

    /** Counts per key, largest first. */
    private Map<String, Long> breakdown(Function<OpenGroup, String> key) {
        Map<String, Long> totals = new HashMap<>();
        open.forEach(g -> totals.merge(key.apply(g), g.n(), Long::sum));
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** The average in seconds of durations summed in microseconds; null when there is none. */
    private static Double average(
            List<OpenedDay> days, ToLongFunction<OpenedDay> micros, ToLongFunction<OpenedDay> count) {
        long n = days.stream().mapToLong(count).sum();
        return n == 0 ? null : days.stream().mapToLong(micros).sum() / 1_000_000.0 / n;
    }
}
