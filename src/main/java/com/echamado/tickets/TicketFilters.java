package com.echamado.tickets;

import static com.echamado.tickets.TicketRows.placeholders;

import com.echamado.catalog.Priority;
import com.echamado.platform.query.FieldType;
import com.echamado.platform.query.Gridify;
import com.echamado.platform.query.QueryField;
import com.echamado.platform.query.SqlFilter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list request's conditions as SQL: its typed filters, {@code q} (a ticket number, or PostgreSQL full-text search,
 * Portuguese and unaccented) and the Gridify {@code filter} on the {@link #FIELDS} a caller may name.
 */
final class TicketFilters {

    static final String MATCH = "t.search_document @@ websearch_to_tsquery('echamado_pt', ?)";

    private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,18})");

    static final List<QueryField> FIELDS = List.of(
            new QueryField("number", "t.number", FieldType.NUMBER),
            new QueryField("title", "t.title", FieldType.TEXT),
            new QueryField("description", "t.description", FieldType.TEXT),
            QueryField.enumeration(
                    "priority",
                    "t.priority",
                    Arrays.stream(Priority.values()).map(Enum::name).toList()),
            new QueryField("status", "t.status_id", FieldType.UUID),
            new QueryField("department", "t.department_id", FieldType.UUID),
            new QueryField("type", "t.type_id", FieldType.UUID),
            new QueryField("category", "t.category_id", FieldType.UUID),
            new QueryField("subcategory", "t.subcategory_id", FieldType.UUID),
            new QueryField("requester", "t.requester_id", FieldType.UUID),
            new QueryField("assignee", "t.assignee_id", FieldType.UUID),
            new QueryField("closed", "t.is_closed", FieldType.BOOLEAN),
            new QueryField("openedAt", "t.opened_at", FieldType.DATE_TIME),
            new QueryField("dueAt", "t.due_at", FieldType.DATE_TIME),
            new QueryField("slaDueAt", "t.sla_due_at", FieldType.DATE_TIME),
            new QueryField("resolvedAt", "t.resolved_at", FieldType.DATE_TIME),
            new QueryField("closedAt", "t.closed_at", FieldType.DATE_TIME),
            new QueryField("updatedAt", "t.updated_at", FieldType.DATE_TIME),
            new QueryField("rating", "t.rating", FieldType.NUMBER));

    private TicketFilters() {}

    static void add(TicketQuery query, Instant now, List<String> clauses, List<Object> params) {
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            clauses.add("t.status_id in (" + placeholders(query.statuses().size()) + ")");
            params.addAll(query.statuses());
        }
        equal(clauses, params, "t.department_id", query.departmentId());
        equal(clauses, params, "t.type_id", query.typeId());
        equal(clauses, params, "t.category_id", query.categoryId());
        equal(
                clauses,
                params,
                "t.priority",
                query.priority() == null ? null : query.priority().name());
        equal(clauses, params, "t.assignee_id", query.assigneeId());
        equal(clauses, params, "t.requester_id", query.requesterId());
        if (Boolean.TRUE.equals(query.unassigned())) {
            clauses.add("t.assignee_id is null");
        }
        if (query.overdue() != null) {
            clauses.add(
                    query.overdue()
                            ? "(not t.is_closed and t.due_at < ?)"
                            : "(t.is_closed or t.due_at is null or t.due_at >= ?)");
            params.add(Timestamp.from(now));
        }
        // Overdue tickets are open: saying so twice made PostgreSQL count the open fraction twice (it expected a
        // fortieth of the overdue tickets) and read them all for a sort instead of walking open tickets
        // newest first (docs/scale.md).
        if (query.closed() != null && !(Boolean.TRUE.equals(query.overdue()) && !query.closed())) {
            clauses.add(query.closed() ? "t.is_closed" : "not t.is_closed");
        }
        range(clauses, params, "t.opened_at", query.openedFrom(), query.openedTo());
        range(clauses, params, "t.due_at", query.dueFrom(), query.dueTo());
        // "breaching soon": the nearest running SLA deadline before now + the window, late ones included
        // (ix_ticket_sla_due; a ticket without a running target has none)
        if (query.slaDueWithin() != null) {
            clauses.add("t.sla_due_at < ?");
            params.add(Timestamp.from(now.plus(query.slaDueWithin())));
        }
        if (hasText(query.q())) {
            search(query.q().trim(), clauses, params);
        }
        SqlFilter filter = Gridify.filter(query.filter(), FIELDS);
        clauses.add("(" + filter.sql() + ")");
        params.addAll(filter.parameters());
    }

    /** A {@code q} that PostgreSQL answers with the full-text index (a ticket number is not one). */
    static boolean fullText(TicketQuery query) {
        return hasText(query.q()) && !NUMBER.matcher(query.q().trim()).matches();
    }

    private static void search(String q, List<String> clauses, List<Object> params) {
        var number = NUMBER.matcher(q);
        if (number.matches()) {
            clauses.add("t.number = ?");
            params.add(Long.parseLong(number.group(1)));
        } else {
            clauses.add(MATCH);
            params.add(q);
        }
    }

    private static void equal(List<String> clauses, List<Object> params, String column, Object value) {
        if (value != null) {
            clauses.add(column + " = ?");
            params.add(value);
        }
    }

    private static void range(List<String> clauses, List<Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            clauses.add(column + " >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            clauses.add(column + " < ?");
            params.add(Timestamp.from(to));
        }
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
