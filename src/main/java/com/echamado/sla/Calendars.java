package com.echamado.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The calendar tables: a calendar row with its weekly hours and holidays, read and replaced as a whole. */
@Component
class Calendars {

    private final JdbcTemplate jdbc;

    Calendars(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CalendarView> list() {
        return jdbc.query("select id from sla_calendar order by name", (rs, i) -> rs.getObject(1, UUID.class)).stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    Optional<CalendarView> find(UUID id) {
        List<CalendarView> rows = jdbc.query(
                "select id, name, zone, always_open, version from sla_calendar where id = ?",
                (rs, i) -> new CalendarView(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("zone"),
                        rs.getBoolean("always_open"),
                        hours(id),
                        holidays(id),
                        rs.getLong("version")),
                id);
        return rows.stream().findFirst();
    }

    void save(UUID id, CalendarRequest request, boolean create) {
        if (create) {
            jdbc.update(
                    "insert into sla_calendar (id, name, zone, always_open) values (?, ?, ?, ?)",
                    id,
                    request.name().strip(),
                    request.zone(),
                    request.alwaysOpen());
        } else {
            jdbc.update(
                    "update sla_calendar set name = ?, zone = ?, always_open = ?, version = version + 1 where id = ?",
                    request.name().strip(),
                    request.zone(),
                    request.alwaysOpen(),
                    id);
            jdbc.update("delete from sla_calendar_interval where calendar_id = ?", id);
            jdbc.update("delete from sla_holiday where calendar_id = ?", id);
        }
        for (CalendarRequest.Hours h : request.hours()) {
            jdbc.update(
                    "insert into sla_calendar_interval (calendar_id, day_of_week, start_minute, end_minute)"
                            + " values (?, ?, ?, ?)",
                    id,
                    h.day().getValue(),
                    h.startMinute(),
                    h.endMinute());
        }
        addHolidays(id, request.holidays());
    }

    void addHolidays(UUID id, List<CalendarRequest.Holiday> holidays) {
        for (CalendarRequest.Holiday h : holidays) {
            jdbc.update(
                    "insert into sla_holiday (calendar_id, day, yearly, name) values (?, ?, ?, ?) on conflict do nothing",
                    id,
                    h.date(),
                    h.yearly(),
                    h.name());
        }
    }

    boolean delete(UUID id) {
        return jdbc.update("delete from sla_calendar where id = ?", id) > 0;
    }

    /** The engine's form of a stored calendar. */
    static BusinessCalendar engine(CalendarView view) {
        Set<LocalDate> dates = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        for (CalendarRequest.Holiday h : view.holidays()) {
            if (h.yearly()) {
                yearly.add(MonthDay.from(h.date()));
            } else {
                dates.add(h.date());
            }
        }
        return new BusinessCalendar(
                ZoneId.of(view.zone()),
                view.alwaysOpen(),
                view.hours().stream()
                        .map(h -> new BusinessCalendar.Interval(h.day(), h.startMinute(), h.endMinute()))
                        .toList(),
                dates,
                yearly);
    }

    private List<CalendarRequest.Hours> hours(UUID id) {
        return jdbc.query(
                "select day_of_week, start_minute, end_minute from sla_calendar_interval where calendar_id = ?"
                        + " order by day_of_week, start_minute",
                (rs, i) -> new CalendarRequest.Hours(
                        DayOfWeek.of(rs.getInt(1)),
                        CalendarRequest.Hours.time(rs.getInt(2)),
                        CalendarRequest.Hours.time(rs.getInt(3))),
                id);
    }

    private List<CalendarRequest.Holiday> holidays(UUID id) {
        return jdbc.query(
                "select day, yearly, name from sla_holiday where calendar_id = ? order by day",
                (rs, i) -> new CalendarRequest.Holiday(
                        rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)),
                id);
    }
}
