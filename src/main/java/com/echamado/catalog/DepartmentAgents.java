package com.echamado.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which agents work in which department (table {@code department_agent}). */
@Component
class DepartmentAgents {

    private final JdbcTemplate jdbc;

    DepartmentAgents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> departmentsOf(UUID userId) {
        return jdbc.queryForList(
                "select department_id from department_agent where user_id = ? order by department_id",
                UUID.class,
                userId);
    }

    List<UUID> agentsOf(UUID departmentId) {
        return jdbc.queryForList(
                "select user_id from department_agent where department_id = ? order by user_id",
                UUID.class,
                departmentId);
    }

    /** The agents of any of these departments, each once. */
    List<UUID> agentsOfAny(Collection<UUID> departmentIds) {
        if (departmentIds.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(departmentIds.size(), "?"));
        return jdbc.queryForList(
                "select distinct user_id from department_agent where department_id in (" + placeholders + ")"
                        + " order by user_id",
                UUID.class,
                departmentIds.toArray());
    }

    boolean isMember(UUID userId, UUID departmentId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from department_agent where user_id = ? and department_id = ?",
                Integer.class,
                userId,
                departmentId);
        return count != null && count > 0;
    }

    boolean add(UUID departmentId, UUID userId) {
        if (isMember(userId, departmentId)) {
            return false;
        }
        jdbc.update("insert into department_agent (department_id, user_id) values (?, ?)", departmentId, userId);
        return true;
    }

    boolean remove(UUID departmentId, UUID userId) {
        return jdbc.update("delete from department_agent where department_id = ? and user_id = ?", departmentId, userId)
                > 0;
    }

    long countFor(UUID departmentId) {
        Long count = jdbc.queryForObject(
                "select count(*) from department_agent where department_id = ?", Long.class, departmentId);
        return count == null ? 0 : count;
    }
}
