package com.echamado.sla;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads holidays from an iCalendar (RFC 5545) file: each VEVENT's all-day DTSTART (with or without {@code
 * VALUE=DATE}; a date-time keeps its date), its SUMMARY, a DTEND that spans several days (exclusive, as the RFC
 * says), and {@code RRULE:FREQ=YEARLY} for a holiday that recurs on the same day each year. Other rules (Easter-based
 * dates are published as separate yearly events by most sources) are refused by name so that nothing is lost
 * silently.
 */
final class HolidayFile {

    record Holiday(LocalDate date, boolean yearly, String name) {}

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private HolidayFile() {}

    static List<Holiday> parse(String text) {
        List<Holiday> holidays = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        boolean yearly = false;
        String summary = null;
        boolean inEvent = false;
        for (String line : unfold(text)) {
            String name = propertyName(line);
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (line.equalsIgnoreCase("BEGIN:VEVENT")) {
                inEvent = true;
                start = null;
                end = null;
                yearly = false;
                summary = null;
            } else if (line.equalsIgnoreCase("END:VEVENT")) {
                if (start == null) {
                    throw new IllegalArgumentException("A VEVENT has no DTSTART");
                }
                LocalDate last = yearly || end == null || !end.isAfter(start) ? start : end.minusDays(1);
                for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
                    holidays.add(new Holiday(d, yearly, summary));
                }
                inEvent = false;
            } else if (inEvent && name.equals("DTSTART")) {
                start = date(value);
            } else if (inEvent && name.equals("DTEND")) {
                end = date(value);
            } else if (inEvent && name.equals("SUMMARY")) {
                summary = value.replace("\\,", ",").replace("\\;", ";");
            } else if (inEvent && name.equals("RRULE")) {
                String rule = value.toUpperCase(Locale.ROOT);
                if (!rule.startsWith("FREQ=YEARLY") || rule.contains("BYDAY") || rule.contains("INTERVAL=")) {
                    throw new IllegalArgumentException("Only RRULE:FREQ=YEARLY on a fixed date is supported: " + value);
                }
                yearly = true;
            }
        }
        return holidays;
    }

    /** Lines with RFC 5545 folding undone (a line starting with a space or tab continues the previous one). */
    private static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            if (!lines.isEmpty() && (raw.startsWith(" ") || raw.startsWith("\t"))) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + raw.substring(1));
            } else if (!raw.isBlank()) {
                lines.add(raw.strip());
            }
        }
        return lines;
    }

    private static String propertyName(String line) {
        int end = line.length();
        for (char c : new char[] {';', ':'}) {
            int at = line.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return line.substring(0, end).toUpperCase(Locale.ROOT);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.length() > 8 ? value.substring(0, 8) : value, BASIC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not an iCalendar date: " + value, e);
        }
    }
}
