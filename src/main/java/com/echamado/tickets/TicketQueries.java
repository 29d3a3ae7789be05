package com.echamado.tickets;

import com.echamado.catalog.Priority;
import com.echamado.platform.query.FieldType;
import com.echamado.platform.query.Gridify;
import com.echamado.platform.query.QueryField;
import com.echamado.platform.query.SqlFilter;
import com.echamado.platform.query.SqlOrder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ticket lists as SQL shaped for the indexes: visibility first, then typed filters, full-text search (PostgreSQL,
 * Portuguese, unaccented, ranked), the Gridify filter, and keyset pagination on (opened_at, id).
 */
@Component
class TicketQueries {

    static final int COUNT_LIMIT = 10_000;
    /**
     * A ranked full-text search ranks the newest this many matches the caller may see, and counts matches up to this
     * many: a common word matches tens of thousands of tickets, and ranking them all read every one (docs/scale.md).
     */
    static final int SEARCH_LIMIT = 1_000;
    /** The first time slice a ranked search looks for its newest matches in, and the longest before all time. */
    static final Duration FIRST_SLICE = Duration.ofDays(7);

    static final Duration LAST_SLICE = Duration.ofDays(730);
    private static final String MATCH = "t.search_document @@ websearch_to_tsquery('echamado_pt', ?)";
    /** The same test in a form the GIN index cannot answer: PostgreSQL then walks the slice newest first. */
    private static final String MATCH_WITHOUT_INDEX =
            "coalesce(t.search_document, ''::tsvector) @@ websearch_to_tsquery('echamado_pt', ?)";

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
            new QueryField("resolvedAt", "t.resolved_at", FieldType.DATE_TIME),
            new QueryField("closedAt", "t.closed_at", FieldType.DATE_TIME),
            new QueryField("updatedAt", "t.updated_at", FieldType.DATE_TIME),
            new QueryField("rating", "t.rating", FieldType.NUMBER));

    /** Priorities order by urgency (LOW first), not by the alphabetical order of their names. */
    private static final String PRIORITY_RANK = Arrays.stream(Priority.values())
            .map(p -> "when '" + p.name() + "' then " + p.ordinal())
            .collect(Collectors.joining(" ", "case t.priority ", " end"));

    private static final String COLUMNS = "t.id, t.number, t.title, t.status_id, t.is_closed, t.priority,"
            + " t.department_id, t.type_id, t.category_id, t.requester_id, t.assignee_id, t.opened_at, t.due_at,"
            + " t.updated_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TicketQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The WHERE clause and parameters of a query, visibility included. */
    record Where(String sql, List<Object> params) {}

    TicketPage list(Actor actor, TicketQuery query) {
        Instant now = clock.instant();
        Where where = where(actor, query, now);
        SqlOrder custom = Gridify.orderBy(query.orderBy(), FIELDS);
        if (fullText(query) && custom.isEmpty()) {
            // A requester's own tickets are few: their index finds them all, and testing each beats reading the GIN
            // index's posting lists of common words (figures: docs/scale.md, "Figures behind the code's comments").
            return actor.isStaff()
                    ? ranked(query, where, now)
                    : page(ranked(query, withoutIndex(where), now, null), query);
        }
        boolean keyset = custom.isEmpty();
        String after = "";
        List<Object> afterParams = new ArrayList<>();
        if (keyset && query.cursor() != null) {
            Object[] position = decodeCursor(query.cursor());
            after = " and (t.opened_at, t.id) < (?, ?)";
            afterParams.addAll(Arrays.asList(position));
        }
        long offset = keyset && query.cursor() != null ? 0 : (long) query.page() * query.size();
        Where paged = actor.agent() && !actor.admin()
                ? agentPage(actor, query, now, after, afterParams, custom, offset)
                : page(where, after, afterParams, custom, offset, query.size());
        List<TicketSummary> rows = jdbc.query(
                paged.sql(), (rs, i) -> summary(rs, now), paged.params().toArray());
        String next = null;
        if (rows.size() > query.size()) {
            rows = rows.subList(0, query.size());
            if (keyset) {
                TicketSummary last = rows.get(rows.size() - 1);
                next = encodeCursor(last.openedAt(), last.id());
            }
        }
        return page(rows, query, count(actor, query, now, where), next);
    }

    /** A page of the tickets {@code where} selects, from {@code after} (a keyset cursor) on or {@code offset} rows in. */
    private static Where page(
            Where where, String after, List<Object> afterParams, SqlOrder custom, long offset, int size) {
        List<Object> params = new ArrayList<>(where.params());
        params.addAll(afterParams);
        params.add(size + 1);
        return new Where(
                "select " + COLUMNS + " from ticket t where " + where.sql() + after + " order by " + order(custom)
                        + " limit ?" + offset(offset, params),
                params);
    }

    /**
     * An agent's page as a UNION ALL of the disjoint parts of what they see ({@link #agentParts}, one part a
     * department), each in the page's order and cut at the rows the page needs, so that each walks its own index and
     * stops. The OR of the parts could only be answered by walking all tickets newest first and testing each, which
     * reads a large share of the table for a deep page (docs/scale.md). Parts are disjoint and the order ends
     * with the id, so the rows and their order are the same. The parts carry only the id and the order's keys, which
     * their index often holds; the page's rows are read last.
     */
    private Where agentPage(
            Actor actor,
            TicketQuery query,
            Instant now,
            String after,
            List<Object> afterParams,
            SqlOrder custom,
            long offset) {
        List<String> clauses = new ArrayList<>();
        List<Object> filterParams = new ArrayList<>();
        filters(query, now, clauses, filterParams);
        String rest = clauses.stream().map(clause -> " and " + clause).collect(Collectors.joining()) + after;
        filterParams.addAll(afterParams);
        StringBuilder keys = new StringBuilder("t.id, t.opened_at");
        List<String> outer = new ArrayList<>();
        for (int i = 0; i < custom.keys().size(); i++) {
            SqlOrder.Key key = custom.keys().get(i);
            keys.append(", ").append(sortExpression(key)).append(" as sort_").append(i);
            outer.add("p.sort_" + i + (key.descending() ? " DESC" : " ASC"));
        }
        outer.add(custom.isEmpty() ? "p.opened_at desc, p.id desc" : "p.id desc");
        String merged = String.join(", ", outer);
        List<String> selects = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<Where> parts = agentParts(actor, true);
        for (int i = 0; i < parts.size(); i++) {
            Where part = parts.get(i);
            // A department is large, walked in the page's order. What the agent requested or was assigned elsewhere
            // is small and read whole behind OFFSET 0: given the LIMIT, PostgreSQL would rather walk the whole table
            // in the page's order to meet those few rows (seconds for a priority order, docs/scale.md).
            String from = i < actor.departments().size()
                    ? "ticket t where " + part.sql() + rest
                    : "(select * from ticket t where " + part.sql() + rest + " offset 0) t";
            selects.add("(select " + keys + " from " + from + " order by " + order(custom) + " limit ?)");
            params.addAll(part.params());
            params.addAll(filterParams);
            params.add(offset + query.size() + 1);
        }
        params.add(query.size() + 1);
        String page = "select * from (" + String.join(" union all ", selects) + ") p order by " + merged + " limit ?"
                + offset(offset, params);
        return new Where(
                "select " + COLUMNS + " from (" + page + ") p join ticket t on t.id = p.id order by " + merged, params);
    }

    private static String offset(long offset, List<Object> params) {
        if (offset == 0) {
            return "";
        }
        params.add(offset);
        return " offset ?";
    }

    /**
     * A page of a ranked full-text search: the newest {@value #SEARCH_LIMIT} matches the caller may see, ranked by
     * relevance and then newest first, with how many matches there are up to one more than that. Ranking every match
     * read each matching ticket, tens of thousands of pages for a common word (docs/scale.md).
     *
     * <p>Finding the newest matches is bounded by time slices, newest first. First the last {@link #FIRST_SLICE},
     * walked newest first without the GIN index: a common word fills the window there, and reading a word's whole
     * posting list costs more than the slice (docs/scale.md). Then, when that
     * slice held fewer matches than the window, a slice as long as its density says the window needs (twice
     * that, as a margin), where PostgreSQL intersects the GIN index with the slice and reads only the matches in it. Then
     * everything (a rare word: few matches to read). A slice with more matches than the window holds the newest ones,
     * so it gives the same page as the whole table. Without the slices PostgreSQL chooses between walking newest
     * first and reading every match on an estimate of the matches that is far off for words that go together.
     */
    private TicketPage ranked(TicketQuery query, Where where, Instant now) {
        Ranked found = ranked(query, withoutIndex(where), now, now.minus(FIRST_SLICE));
        if (found.matches() <= SEARCH_LIMIT && found.matches() > 0) {
            Duration needed = FIRST_SLICE.multipliedBy(2L * (SEARCH_LIMIT + 1) / found.matches() + 1);
            found = needed.compareTo(LAST_SLICE) < 0 ? ranked(query, where, now, now.minus(needed)) : found;
        }
        if (found.matches() <= SEARCH_LIMIT) {
            found = ranked(query, where, now, null);
        }
        return page(found, query);
    }

    /** A ranked page and the number of matches, up to one more than the window, among tickets opened since then. */
    private record Ranked(List<TicketSummary> rows, long matches) {}

    private static Where withoutIndex(Where where) {
        return new Where(where.sql().replace(MATCH, MATCH_WITHOUT_INDEX), where.params());
    }

    private TicketPage page(Ranked found, TicketQuery query) {
        return page(found.rows(), query, found.matches(), null);
    }

    private Ranked ranked(TicketQuery query, Where where, Instant now, Instant since) {
        String sql = "with w as (select " + COLUMNS + ", t.search_document from ticket t where " + where.sql()
                + (since == null ? "" : " and t.opened_at >= ?")
                + " order by t.opened_at desc, t.id desc limit " + (SEARCH_LIMIT + 1) + "),"
                + " m as (select count(*) as matches from w),"
                + " p as (select " + COLUMNS + ","
                + " ts_rank(t.search_document, websearch_to_tsquery('echamado_pt', ?)) as rank from ("
                + "select w.*, row_number() over (order by w.opened_at desc, w.id desc) as newest from w) t"
                + " where t.newest <= " + SEARCH_LIMIT
                + " order by rank desc, t.opened_at desc, t.id desc limit ? offset ?)"
                // one row even when the page is empty, for the number of matches
                + " select p.*, m.matches from m left join p on true"
                + " order by p.rank desc, p.opened_at desc, p.id desc";
        List<Object> params = new ArrayList<>(where.params());
        if (since != null) {
            params.add(Timestamp.from(since));
        }
        params.add(query.q());
        params.add(query.size());
        params.add((long) query.page() * query.size());
        long[] matches = {0};
        List<TicketSummary> rows = new ArrayList<>();
        jdbc.query(
                sql,
                rs -> {
                    matches[0] = rs.getLong("matches");
                    if (rs.getObject("id") != null) {
                        rows.add(summary(rs, now));
                    }
                },
                params.toArray());
        return new Ranked(rows, matches[0]);
    }

    /** How many tickets match, counted up to one more than the cap of this kind of list. */
    private long count(Actor actor, TicketQuery query, Instant now, Where where) {
        Where counting = countable(actor, query, now, where);
        Long counted = jdbc.queryForObject(
                "select count(*) from (" + counting.sql() + " limit " + (limit(query) + 1) + ") x",
                Long.class,
                counting.params().toArray());
        return counted == null ? 0 : counted;
    }

    private TicketPage page(List<TicketSummary> rows, TicketQuery query, long counted, String next) {
        int limit = limit(query);
        return new TicketPage(
                List.copyOf(rows), query.page(), query.size(), Math.min(counted, limit), counted <= limit, next);
    }

    private int limit(TicketQuery query) {
        return fullText(query) ? SEARCH_LIMIT : COUNT_LIMIT;
    }

    /** A {@code q} that PostgreSQL answers with the full-text index (a ticket number is not one). */
    private static boolean fullText(TicketQuery query) {
        return hasText(query.q()) && !NUMBER.matcher(query.q().trim()).matches();
    }

    /** The ORDER BY of a list: the Gridify order, ties broken by the id, or newest first. */
    private static String order(SqlOrder custom) {
        if (custom.isEmpty()) {
            return "t.opened_at desc, t.id desc";
        }
        return custom.keys().stream()
                        .map(key -> sortExpression(key) + (key.descending() ? " DESC" : " ASC"))
                        .collect(Collectors.joining(", "))
                + ", t.id desc";
    }

    private static String sortExpression(SqlOrder.Key key) {
        return key.field().name().equals("priority")
                ? PRIORITY_RANK
                : key.field().column();
    }

    Where where(Actor actor, TicketQuery query, Instant now) {
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        visibility(actor, clauses, params);
        filters(query, now, clauses, params);
        return new Where(String.join(" and ", clauses), params);
    }

    /**
     * The rows to count, capped by the caller. An agent sees the tickets of their departments, those they requested
     * and those assigned to them: one OR that PostgreSQL can only answer by reading the table until it found enough
     * rows. As a UNION ALL of disjoint parts (departments; requested elsewhere; assigned elsewhere, requested by
     * someone else) each part reads its own index, and the departments' part alone often reaches the cap. The number
     * is the same.
     */
    private Where countable(Actor actor, TicketQuery query, Instant now, Where where) {
        if (actor.admin() || !actor.agent()) {
            return new Where("select 1 from ticket t where " + where.sql(), where.params());
        }
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filters(query, now, clauses, params);
        String rest = clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses);
        List<String> parts = new ArrayList<>();
        List<Object> partParams = new ArrayList<>();
        for (Where part : agentParts(actor, false)) {
            parts.add("select 1 from ticket t where " + part.sql() + rest);
            partParams.addAll(part.params());
            partParams.addAll(params);
        }
        return new Where(String.join(" union all ", parts), partParams);
    }

    /**
     * What an agent sees as disjoint conditions: their departments' tickets (all in one condition or one a
     * department), those they requested elsewhere, and those assigned to them elsewhere that someone else requested.
     */
    private static List<Where> agentParts(Actor actor, boolean departmentEach) {
        List<Where> parts = new ArrayList<>();
        List<UUID> departments = List.copyOf(actor.departments());
        String elsewhere = "";
        if (!departments.isEmpty()) {
            if (departmentEach) {
                departments.forEach(department -> parts.add(new Where("t.department_id = ?", List.of(department))));
            } else {
                parts.add(new Where(
                        "t.department_id in (" + placeholders(departments.size()) + ")", List.copyOf(departments)));
            }
            elsewhere = " and t.department_id not in (" + placeholders(departments.size()) + ")";
        }
        List<Object> requested = new ArrayList<>(List.of(actor.id()));
        requested.addAll(departments);
        parts.add(new Where("t.requester_id = ?" + elsewhere, requested));
        List<Object> assigned = new ArrayList<>(List.of(actor.id(), actor.id()));
        assigned.addAll(departments);
        parts.add(new Where("t.assignee_id = ? and t.requester_id <> ?" + elsewhere, assigned));
        return parts;
    }

    private void filters(TicketQuery query, Instant now, List<String> clauses, List<Object> params) {
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
        // fortieth of the overdue tickets) and read them all for a sort instead of walking open tickets newest first
        // (docs/scale.md).
        if (query.closed() != null && !(Boolean.TRUE.equals(query.overdue()) && !query.closed())) {
            clauses.add(query.closed() ? "t.is_closed" : "not t.is_closed");
        }
        range(clauses, params, "t.opened_at", query.openedFrom(), query.openedTo());
        range(clauses, params, "t.due_at", query.dueFrom(), query.dueTo());
        if (hasText(query.q())) {
            search(query.q().trim(), clauses, params);
        }
        SqlFilter filter = Gridify.filter(query.filter(), FIELDS);
        clauses.add("(" + filter.sql() + ")");
        params.addAll(filter.parameters());
    }

    private void visibility(Actor actor, List<String> clauses, List<Object> params) {
        if (actor.admin()) {
            return;
        }
        if (actor.agent()) {
            StringBuilder sql = new StringBuilder("(t.requester_id = ? or t.assignee_id = ?");
            params.add(actor.id());
            params.add(actor.id());
            if (!actor.departments().isEmpty()) {
                sql.append(" or t.department_id in (")
                        .append(placeholders(actor.departments().size()))
                        .append(")");
                params.addAll(actor.departments());
            }
            clauses.add(sql.append(")").toString());
        } else {
            clauses.add("t.requester_id = ?");
            params.add(actor.id());
        }
    }

    private void search(String q, List<String> clauses, List<Object> params) {
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

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    static String encodeCursor(Instant openedAt, UUID id) {
        String raw = openedAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Object[] decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 2);
            return new Object[] {Timestamp.from(Instant.parse(parts[0])), UUID.fromString(parts[1])};
        } catch (RuntimeException e) {
            throw TicketException.invalid("cursor", "The cursor is not valid; start from the first page");
        }
    }

    private static TicketSummary summary(ResultSet rs, Instant now) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        boolean closed = rs.getBoolean("is_closed");
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
                due != null && !closed && due.toInstant().isBefore(now));
    }
}
