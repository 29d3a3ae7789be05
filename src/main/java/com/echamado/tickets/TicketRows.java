package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The columns of a list row and how one becomes a {@link TicketSummary}; the WHERE part lists are built from. */
final class TicketRows {

    static final String COLUMNS = "t.id, t.number, t.title, t.status_id, t.is_closed, t.priority,"
            + " t.department_id, t.type_id, t.category_id, t.requester_id, t.assignee_id, t.opened_at, t.due_at,"
            + " t.updated_at, t.sla_due_at, t.sla_state";

    /** The WHERE clause and parameters of a query, visibility included. */
    record Where(String sql, List<Object> params) {}

    private TicketRows() {}

    static TicketSummary summary(ResultSet rs, Instant now) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        boolean closed = rs.getBoolean("is_closed");
        Timestamp slaDue = rs.getTimestamp("sla_due_at");
        return new TicketSummary(
                rs.getObject("id", UUID.class),
                rs.getLong("number"),
                rs.getString("title"),
                rs.getObject("status_id", UUID.class),
                closed,
                Priority.valueOf(rs.getString("priority")),
                rs.getObject("department_id", UUID.class),
                rs.getObject("type_id", UUID.class),
                rs.getObject("category_id", UUID.class),
                rs.getObject("requester_id", UUID.class),
                rs.getObject("assignee_id", UUID.class),
                rs.getTimestamp("opened_at").toInstant(),
                due == null ? null : due.toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                due != null && !closed && due.toInstant().isBefore(now),
                slaDue == null ? null : slaDue.toInstant(),
                rs.getString("sla_state"));
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
