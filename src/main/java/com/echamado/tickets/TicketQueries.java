package com.echamado.tickets;

import static com.echamado.tickets.TicketRows.COLUMNS;

import com.echamado.catalog.Priority;
import com.echamado.platform.query.Gridify;
import com.echamado.platform.query.SqlOrder;
import com.echamado.tickets.TicketRows.Where;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Ticket lists as SQL shaped for the indexes: visibility first ({@link TicketAccess}), then the request's conditions
 * ({@link TicketFilters}), and keyset pagination on (opened_at, id) ({@link TicketCursor}) or an offset for another
 * order. A full-text {@code q} in the default order is a ranked search ({@link TicketSearch}).
 */
@Component
class TicketQueries {

    static final int COUNT_LIMIT = 10_000;

    /** Priorities order by urgency (LOW first), not by the alphabetical order of their names. */
    private static final String PRIORITY_RANK = Arrays.stream(Priority.values())
            .map(p -> "when '" + p.name() + "' then " + p.ordinal())
            .collect(Collectors.joining(" ", "case t.priority ", " end"));

    /** Rows an export reads from the database at a time: its memory, whatever the number of rows. */
    static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TicketSearch search;
    private final Clock clock;

    TicketQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(EXPORT_FETCH_SIZE);
        this.search = new TicketSearch(jdbc);
        this.clock = clock;
    }

    /**
     * Every ticket of the list the query asks for, in its order, handed to {@code each} as the rows arrive: no page,
     * no cap, and a full-text {@code q} filters without ranking. PostgreSQL sends the rows {@value #EXPORT_FETCH_SIZE}
     * at a time through a cursor, which it keeps only inside a transaction (the caller's, with autocommit off). A bad
     * filter or order throws before the query runs. Returns the number of rows.
     */
    long export(Actor actor, TicketQuery query, Consumer<TicketSummary> each) {
        Instant now = clock.instant();
        Where where = where(actor, query, now);
        SqlOrder custom = Gridify.orderBy(query.orderBy(), TicketFilters.FIELDS);
        long[] rows = {0};
        cursor.query(
                "select " + COLUMNS + " from ticket t where " + where.sql() + " order by " + order(custom),
                (RowCallbackHandler) rs -> {
                    each.accept(TicketRows.summary(rs, now));
                    rows[0]++;
                },
                where.params().toArray());
        return rows[0];
    }

    TicketPage list(Actor actor, TicketQuery query) {
        Instant now = clock.instant();
        Where where = where(actor, query, now);
        SqlOrder custom = Gridify.orderBy(query.orderBy(), TicketFilters.FIELDS);
        if (TicketFilters.fullText(query) && custom.isEmpty()) {
            TicketSearch.Ranked found =
                    actor.isStaff() ? search.sliced(query, where, now) : search.own(query, where, now);
            return page(found.rows(), query, found.matches(), null);
        }
        boolean keyset = custom.isEmpty();
        String after = "";
        List<Object> afterParams = new ArrayList<>();
        if (keyset && query.cursor() != null) {
            Object[] position = TicketCursor.decode(query.cursor());
            after = " and (t.opened_at, t.id) < (?, ?)";
            afterParams.addAll(Arrays.asList(position));
        }
        long offset = keyset && query.cursor() != null ? 0 : (long) query.page() * query.size();
        Where paged = actor.agent() && !actor.admin()
                ? agentPage(actor, query, now, after, afterParams, custom, offset)
                : page(where, after, afterParams, custom, offset, query.size());
        List<TicketSummary> rows = jdbc.query(
                paged.sql(),
                (rs, i) -> TicketRows.summary(rs, now),
                paged.params().toArray());
        String next = null;
        if (rows.size() > query.size()) {
            rows = rows.subList(0, query.size());
            if (keyset) {
                TicketSummary last = rows.get(rows.size() - 1);
                next = TicketCursor.encode(last.openedAt(), last.id());
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
     * An agent's page as a UNION ALL of the disjoint parts of what they see ({@link TicketAccess#parts}, one part a
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
        TicketFilters.add(query, now, clauses, filterParams);
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
        List<TicketAccess.Condition> parts = TicketAccess.parts(actor, true);
        for (int i = 0; i < parts.size(); i++) {
            TicketAccess.Condition part = parts.get(i);
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
        return TicketFilters.fullText(query) ? TicketSearch.SEARCH_LIMIT : COUNT_LIMIT;
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
        TicketAccess.Condition visible = TicketAccess.visible(actor);
        clauses.add(visible.sql());
        params.addAll(visible.params());
        TicketFilters.add(query, now, clauses, params);
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
        TicketFilters.add(query, now, clauses, params);
        String rest = clauses.isEmpty() ? "" : " and " + String.join(" and ", clauses);
        List<String> parts = new ArrayList<>();
        List<Object> partParams = new ArrayList<>();
        for (TicketAccess.Condition part : TicketAccess.parts(actor, false)) {
            parts.add("select 1 from ticket t where " + part.sql() + rest);
            partParams.addAll(part.params());
            partParams.addAll(params);
        }
        return new Where(String.join(" union all ", parts), partParams);
    }
}
