package com.echamado.tickets;

import static com.echamado.tickets.TicketRows.COLUMNS;

import com.echamado.tickets.TicketRows.Where;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ranked full-text search: a page of the newest {@value #SEARCH_LIMIT} matches the caller may see, ranked by relevance
 * and then newest first, with how many matches there are up to one more than that. Ranking every match read each
 * matching ticket, tens of thousands of pages for a common word (docs/scale.md).
 *
 * <p>Finding the newest matches is bounded by time slices, newest first. First the last {@link #FIRST_SLICE}, walked
 * newest first without the GIN index: a common word fills the window there, and reading a word's whole posting list
 * costs more than the slice (docs/scale.md). Then, when that slice held fewer
 * matches than the window, a slice as long as its density says the window needs (twice that, as a margin), where
 * PostgreSQL intersects the GIN index with the slice and reads only the matches in it. Then everything (a rare word:
 * few matches to read). A slice with more matches than the window holds the newest ones, so it gives the same page as
 * the whole table. Without the slices PostgreSQL chooses between walking newest first and reading every match on an
 * estimate of the matches that is far off for words that go together.
 */
final class TicketSearch {

    /**
     * A ranked full-text search ranks the newest this many matches the caller may see, and counts matches up to this
     * many: a common word matches tens of thousands of tickets, and ranking them all read every one (docs/scale.md).
     */
    static final int SEARCH_LIMIT = 1_000;
    /** The first time slice a ranked search looks for its newest matches in, and the longest before all time. */
    static final Duration FIRST_SLICE = Duration.ofDays(7);

    static final Duration LAST_SLICE = Duration.ofDays(730);
    /** The same test as {@link TicketFilters#MATCH} in a form the GIN index cannot answer: PostgreSQL then walks the
     * slice newest first. */
    private static final String MATCH_WITHOUT_INDEX =
            "coalesce(t.search_document, ''::tsvector) @@ websearch_to_tsquery('echamado_pt', ?)";

    /** A ranked page and the number of matches, up to one more than the window, among tickets opened since then. */
    record Ranked(List<TicketSummary> rows, long matches) {}

    private final JdbcTemplate jdbc;

    TicketSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A staff member's search: time slices, newest first, as the class comment says. */
    Ranked sliced(TicketQuery query, Where where, Instant now) {
        Ranked found = ranked(query, withoutIndex(where), now, now.minus(FIRST_SLICE));
        if (found.matches() <= SEARCH_LIMIT && found.matches() > 0) {
            Duration needed = FIRST_SLICE.multipliedBy(2L * (SEARCH_LIMIT + 1) / found.matches() + 1);
            found = needed.compareTo(LAST_SLICE) < 0 ? ranked(query, where, now, now.minus(needed)) : found;
        }
        if (found.matches() <= SEARCH_LIMIT) {
            found = ranked(query, where, now, null);
        }
        return found;
    }

    /**
     * A requester's search. Their own tickets are few: their index finds them all, and testing each beats reading
     * the GIN index's posting lists of common words (figures: docs/scale.md, "Figures behind the code's comments").
     */
    Ranked own(TicketQuery query, Where where, Instant now) {
        return ranked(query, withoutIndex(where), now, null);
    }

    private static Where withoutIndex(Where where) {
        return new Where(where.sql().replace(TicketFilters.MATCH, MATCH_WITHOUT_INDEX), where.params());
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
                        rows.add(TicketRows.summary(rs, now));
                    }
                },
                params.toArray());
        return new Ranked(rows, matches[0]);
    }
}
