package com.echamado.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.Services;
import com.echamado.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Ranked full-text search on generated data ({@link ScaleData}, 5,000 tickets in this run's own database): a search
 * ranks the newest {@value TicketQueries#SEARCH_LIMIT} matches the caller may see (all of them when there are fewer)
 * by relevance, then newest first, and counts matches up to that limit. Expected pages are computed here from every
 * match, in SQL of their own.
 */
@ExtendWith(Services.class)
class TicketSearchWindowTests {

    static JdbcTemplate jdbc;
    static TicketQueries queries;
    static List<Actor> actors;

    @BeforeAll
    static void generatedData() throws Exception {
        String url = TestDatabase.fresh("search");
        ScaleData.fill(url, ScaleData.Size.of(5_000));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, ScaleData.USER, "");
        jdbc = new JdbcTemplate(dataSource);
        queries = new TicketQueries(jdbc, Clock.systemUTC());
        UUID agent = jdbc.queryForObject(
                "select user_id from department_agent group by user_id having count(*) = 2 order by user_id limit 1",
                UUID.class);
        actors = List.of(
                new Actor(
                        jdbc.queryForObject(
                                "select user_id from app_user_role where role = 'ADMIN' limit 1", UUID.class),
                        true,
                        false,
                        Set.of()),
                new Actor(
                        agent,
                        false,
                        true,
                        new HashSet<>(jdbc.queryForList(
                                "select department_id from department_agent where user_id = ?", UUID.class, agent))),
                new Actor(
                        jdbc.queryForObject(
                                "select requester_id from ticket group by requester_id order by count(*) desc limit 1",
                                UUID.class),
                        false,
                        false,
                        Set.of()));
    }

    @Test
    void aSearchWithFewerMatchesThanTheLimitRanksThemAll() {
        for (Actor actor : actors) {
            for (String term : List.of("impressora", "senha expirada", "catraca -crachá", "monitor or teclado")) {
                List<UUID> expected = expected(actor, term);
                assertThat(expected.size()).as(term).isLessThan(TicketSearch.SEARCH_LIMIT);
                for (int page = 0; page < 3; page++) {
                    TicketPage found = queries.list(actor, search(term, page));
                    assertThat(ids(found))
                            .as("%s, page %d, for %s", term, page, actor)
                            .containsExactlyElementsOf(slice(expected, page));
                    assertThat(found.total()).isEqualTo(expected.size());
                    assertThat(found.totalExact()).isTrue();
                }
            }
        }
    }

    @Test
    void aSearchWithMoreMatchesThanTheLimitRanksTheNewestOnes() {
        // every generated ticket names an asset ("patrimônio PAT-12345"); those about a printer rank higher
        String term = "patrimônio or impressora";
        Actor admin = actors.get(0);
        List<UUID> expected = expected(admin, term);
        assertThat(expected).hasSize(TicketSearch.SEARCH_LIMIT);
        for (int page : new int[] {0, 1, 7, TicketSearch.SEARCH_LIMIT / 10 - 1}) {
            TicketPage found = queries.list(admin, search(term, page));
            assertThat(ids(found)).as("page %d", page).containsExactlyElementsOf(slice(expected, page));
            assertThat(found.total()).isEqualTo(TicketSearch.SEARCH_LIMIT);
            assertThat(found.totalExact()).isFalse();
        }
        TicketPage past = queries.list(admin, search(term, TicketSearch.SEARCH_LIMIT / 10));
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(TicketSearch.SEARCH_LIMIT);
        assertThat(past.totalExact()).isFalse();
    }

    @Test
    void listsWithoutASearchKeepTheirLargerCount() {
        TicketPage list = queries.list(actors.get(0), new TicketQueryPlanTests.Q().build());
        assertThat(list.total()).isEqualTo(5_000);
        assertThat(list.totalExact()).isTrue();
    }

    /**
     * Every match the actor may see, ranked, then only those at least as new as the limit's newest match kept: the
     * expected order of a search, computed without a window.
     */
    private static List<UUID> expected(Actor actor, String term) {
        TicketRows.Where where = queries.where(actor, search(term, 0), Instant.now());
        String rank = "ts_rank(t.search_document, websearch_to_tsquery('echamado_pt', ?))";
        List<Object> params = new ArrayList<>(List.of(term));
        params.addAll(where.params());
        List<Map<String, Object>> all = jdbc.queryForList(
                "select t.id, t.opened_at, " + rank + " as rank from ticket t where " + where.sql()
                        + " order by rank desc, t.opened_at desc, t.id desc",
                params.toArray());
        if (all.size() <= TicketSearch.SEARCH_LIMIT) {
            return all.stream().map(row -> (UUID) row.get("id")).toList();
        }
        Map<String, Object> oldest = jdbc.queryForMap(
                "select t.opened_at, t.id from ticket t where " + where.sql()
                        + " order by t.opened_at desc, t.id desc offset " + (TicketSearch.SEARCH_LIMIT - 1)
                        + " limit 1",
                where.params().toArray());
        List<Object> windowed = new ArrayList<>(where.params());
        windowed.add(oldest.get("opened_at"));
        windowed.add(oldest.get("id"));
        windowed.add(term);
        return jdbc.queryForList(
                "select t.id from ticket t where " + where.sql() + " and (t.opened_at, t.id) >= (?, ?)" + " order by "
                        + rank + " desc, t.opened_at desc, t.id desc",
                UUID.class,
                windowed.toArray());
    }

    private static List<UUID> slice(List<UUID> all, int page) {
        return all.subList(Math.min(all.size(), page * 10), Math.min(all.size(), page * 10 + 10));
    }

    private static TicketQuery search(String term, int page) {
        TicketQueryPlanTests.Q q = new TicketQueryPlanTests.Q();
        q.q = term;
        q.page = page;
        q.size = 10;
        return q.build();
    }

    private static List<UUID> ids(TicketPage page) {
        return page.items().stream().map(TicketSummary::id).toList();
    }
}
