package com.echamado.sla;

import com.echamado.catalog.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The policy table; each edit raises the version that tickets record. */
@Component
class Policies {

    private static final String COLUMNS = "id, name, position, enabled, department_id, priority, type_id, category_id,"
            + " calendar_id, first_response_minutes, next_response_minutes, resolution_minutes, warning_percent,"
            + " version";

    private final JdbcTemplate jdbc;

    Policies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<PolicyView> list() {
        return jdbc.query("select " + COLUMNS + " from sla_policy order by position, name", Policies::view);
    }

    /** The enabled policies in matching order. */
    List<PolicyRule> rules() {
        return list().stream().filter(PolicyView::enabled).map(PolicyView::rule).toList();
    }

    Optional<PolicyView> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from sla_policy where id = ?", Policies::view, id).stream()
                .findFirst();
    }

    void create(UUID id, PolicyRequest r, Instant now) {
        jdbc.update(
                "insert into sla_policy (name, position, enabled, department_id, priority, type_id, category_id,"
                        + " calendar_id, first_response_minutes, next_response_minutes, resolution_minutes,"
                        + " warning_percent, updated_at, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values(id, r, now));
    }

    boolean update(UUID id, PolicyRequest r, Instant now) {
        return jdbc.update(
                        "update sla_policy set name = ?, position = ?, enabled = ?, department_id = ?, priority = ?,"
                                + " type_id = ?, category_id = ?, calendar_id = ?, first_response_minutes = ?,"
                                + " next_response_minutes = ?, resolution_minutes = ?, warning_percent = ?,"
                                + " updated_at = ?, version = version + 1 where id = ?",
                        values(id, r, now))
                > 0;
    }

    /** The request's columns in the order both statements name them, then the update time and the id. */
    private static Object[] values(UUID id, PolicyRequest r, Instant now) {
        return new Object[] {
            r.name().strip(),
            r.position(),
            r.enabled(),
            r.departmentId(),
            r.priority() == null ? null : r.priority().name(),
            r.typeId(),
            r.categoryId(),
            r.calendarId(),
            r.firstResponseMinutes(),
            r.nextResponseMinutes(),
            r.resolutionMinutes(),
            r.warningPercent(),
            Timestamp.from(now),
            id
        };
    }

    boolean delete(UUID id) {
        return jdbc.update("delete from sla_policy where id = ?", id) > 0;
    }

    boolean usesCalendar(UUID calendarId) {
        Integer n =
                jdbc.queryForObject("select count(*) from sla_policy where calendar_id = ?", Integer.class, calendarId);
        return n != null && n > 0;
    }

    private static PolicyView view(ResultSet rs, int row) throws SQLException {
        String priority = rs.getString("priority");
        return new PolicyView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getInt("position"),
                rs.getBoolean("enabled"),
                rs.getObject("department_id", UUID.class),
                priority == null ? null : Priority.valueOf(priority),
                rs.getObject("type_id", UUID.class),
                rs.getObject("category_id", UUID.class),
                rs.getObject("calendar_id", UUID.class),
                (Integer) rs.getObject("first_response_minutes"),
                (Integer) rs.getObject("next_response_minutes"),
                (Integer) rs.getObject("resolution_minutes"),
                rs.getInt("warning_percent"),
                rs.getInt("version"));
    }
}
