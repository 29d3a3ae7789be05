package com.echamado.platform.query;

import static com.echamado.platform.query.FieldType.BOOLEAN;
import static com.echamado.platform.query.FieldType.DATE_TIME;
import static com.echamado.platform.query.FieldType.NUMBER;
import static com.echamado.platform.query.FieldType.TEXT;
import static com.echamado.platform.query.FieldType.UUID;

import java.util.List;

/** The allow-list a ticket list would declare, with columns of a {@code tickets t} table. */
final class QueryFixtures {

    static final List<QueryField> TICKETS = List.of(
            new QueryField("number", "t.number", NUMBER),
            new QueryField("title", "t.title", TEXT),
            new QueryField("description", "t.description", TEXT),
            QueryField.enumeration("status", "t.status", List.of("OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED")),
            QueryField.enumeration("priority", "t.priority", List.of("LOW", "NORMAL", "HIGH", "URGENT")),
            new QueryField("department", "t.department_id", UUID),
            new QueryField("assignee", "t.assignee_id", UUID),
            new QueryField("createdAt", "t.created_at", DATE_TIME),
            new QueryField("dueAt", "t.due_at", DATE_TIME),
            new QueryField("overdue", "t.overdue", BOOLEAN),
            new QueryField("rating", "t.rating", NUMBER));

    private QueryFixtures() {}

    static SqlFilter filter(String expression) {
        return Gridify.filter(expression, TICKETS);
    }

    static SqlOrder orderBy(String expression) {
        return Gridify.orderBy(expression, TICKETS);
    }
}
