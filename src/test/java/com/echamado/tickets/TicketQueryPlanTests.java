package com.echamado.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Priority;
import com.echamado.support.Services;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The SQL that lists, searches and the detail view really run, EXPLAINed on generated data ({@link PlanDatabase}):
 * no plan may scan the ticket table (or the comments) sequentially. The dashboard's plans are checked in {@code
 * com.echamado.dashboard.DashboardQueryPlanTests} on the same data.
 */
@ExtendWith(Services.class)
class TicketQueryPlanTests {

    /** What Hibernate issues for TicketRepository.findById and findByNumber (followed by the condition). */
    static final String TICKET_BY = "select t.id, t.assignee_id, t.category_id, t.closed_at, t.is_closed,"
            + " t.created_by, t.department_id, t.description, t.due_at, t.first_response_at, t.number, t.opened_at,"
            + " t.priority, t.rating, t.rating_comment, t.requester_id, t.resolution, t.resolved_at, t.status_id,"
            + " t.subcategory_id, t.title, t.type_id, t.updated_at, t.version from ticket t where ";

    /** What Hibernate issues for CommentRepository.findVisible. */
    static final String COMMENTS_OF = "select c.id, c.author_id, c.body, c.created_at, c.deleted_at, c.edited_at,"
            + " c.internal, c.ticket_id, c.version from ticket_comment c where c.ticket_id = ?"
            + " and c.deleted_at is null order by c.created_at, c.id";

    static final Consumer<Q> CLOSED_BY_PRIORITY = q -> {
        q.closed = true;
        q.orderBy = "priority desc";
    };
    static final Consumer<Q> OPEN_BY_PRIORITY = q -> {
        q.closed = false;
        q.orderBy = "priority desc";
    };

    static JdbcTemplate plain;
    static RecordingJdbcTemplate recording;
    static TicketQueries queries;
    static Actor admin;
    static Actor agent;
    static Actor requester;
    static Instant now;

    @BeforeAll
    static void generatedData() throws Exception {
        javax.sql.DataSource dataSource = PlanDatabase.dataSource();
        plain = new JdbcTemplate(dataSource);
        recording = new RecordingJdbcTemplate(dataSource);
        Clock clock = Clock.systemUTC();
        queries = new TicketQueries(recording, clock);
        now = clock.instant();
        List<Actor> actors = PlanDatabase.actors(plain);
        admin = actors.get(0);
        agent = actors.get(1);
        requester = actors.get(2);
    }

    static Stream<Arguments> lists() {
        List<Arguments> cases = new ArrayList<>();
        for (String who : List.of("admin", "agent", "requester")) {
            cases.add(list(who, "default list", q -> {}));
            cases.add(list(who, "status", q -> q.statuses = List.of(uuid(TicketFixtures.OPEN))));
            cases.add(list(
                    who,
                    "two statuses",
                    q -> q.statuses = List.of(uuid(TicketFixtures.OPEN), uuid(TicketFixtures.IN_PROGRESS))));
            cases.add(list(who, "department", q -> q.departmentId = uuid(TicketFixtures.SUPPORT_DEPARTMENT)));
            cases.add(list(who, "type", q -> q.typeId = uuid(TicketFixtures.INCIDENT)));
            cases.add(list(who, "category", q -> q.categoryId = uuid(TicketFixtures.HARDWARE)));
            cases.add(list(who, "priority", q -> q.priority = Priority.URGENT));
            cases.add(list(who, "assignee", q -> q.assigneeId = agent.id()));
            cases.add(list(who, "requester", q -> q.requesterId = requester.id()));
            cases.add(list(who, "unassigned", q -> q.unassigned = true));
            cases.add(list(who, "overdue", q -> q.overdue = true));
            cases.add(list(who, "open only", q -> q.closed = false));
            cases.add(list(who, "closed only", q -> q.closed = true));
            cases.add(list(who, "opened in the last week", q -> q.openedFrom = now.minus(Duration.ofDays(7))));
            cases.add(list(who, "opened a year ago", q -> {
                q.openedFrom = now.minus(Duration.ofDays(380));
                q.openedTo = now.minus(Duration.ofDays(350));
            }));
            cases.add(list(who, "due in a range", q -> {
                q.dueFrom = now.minus(Duration.ofDays(30));
                q.dueTo = now.plus(Duration.ofDays(7));
            }));
            cases.add(list(who, "full-text q", q -> q.q = "impressora não imprime"));
            cases.add(list(who, "full-text q, rare term", q -> q.q = "PAT-12345"));
            cases.add(list(who, "q as a ticket number", q -> q.q = "#1234"));
            cases.add(list(who, "Gridify filter", q -> q.filter = "priority=URGENT,closed=false"));
            cases.add(list(
                    who,
                    "Gridify filter with OR",
                    q -> q.filter = "(status=" + TicketFixtures.OPEN + "|status=" + TicketFixtures.IN_PROGRESS
                            + "),department=" + TicketFixtures.SUPPORT_DEPARTMENT));
            cases.add(list(who, "Gridify date filter", q -> q.filter = "openedAt>=" + now.minus(Duration.ofDays(3))));
            cases.add(list(who, "open queue of a department", q -> {
                q.closed = false;
                q.departmentId = uuid(TicketFixtures.SUPPORT_DEPARTMENT);
            }));
            cases.add(list(who, "deep page by offset", q -> q.page = 20));
            cases.add(list(who, "sorted by priority", q -> q.orderBy = "priority desc"));
            cases.add(list(who, "closed, sorted by priority", CLOSED_BY_PRIORITY));
            cases.add(list(who, "open, sorted by priority", OPEN_BY_PRIORITY));
            cases.add(list(who, "sorted by the nearest SLA deadline", q -> q.orderBy = "slaDueAt asc"));
            cases.add(list(who, "SLA breaching within the hour", q -> {
                q.closed = false;
                q.slaDueWithin = Duration.ofHours(1);
                q.orderBy = "slaDueAt asc";
            }));
            cases.add(list(
                    who, "Gridify SLA deadline filter", q -> q.filter = "slaDueAt<" + now.plus(Duration.ofHours(1))));
        }
        return cases.stream();
    }

    /** Pages that once read thousands of rows for a few (docs/scale.md, "Pages"), as the web list asks for them. */
    static Stream<Arguments> pages() {
        List<Arguments> cases = new ArrayList<>();
        for (String who : List.of("admin", "agent")) {
            cases.add(list(who, "closed, sorted by priority", CLOSED_BY_PRIORITY));
            cases.add(list(who, "open, sorted by priority", OPEN_BY_PRIORITY));
            cases.add(list(who, "deep page by offset", q -> q.page = 20));
            cases.add(list(who, "overdue", q -> {
                q.closed = false;
                q.overdue = true;
            }));
            cases.add(list(who, "open unassigned", q -> {
                q.closed = false;
                q.unassigned = true;
            }));
        }
        // an agent's parts of one status read a few hundred rows more than the OR would (docs/scale.md)
        cases.add(list("admin", "open in one status", q -> {
            q.closed = false;
            q.statuses = List.of(uuid(TicketFixtures.IN_PROGRESS));
        }));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void listsAndCountsNeverScanTheTicketTable(String name, String who, Function<Q, Q> shape) {
        TicketQuery query = shape.apply(new Q()).build();
        checkPlans(name, () -> queries.list(actor(who), query));
    }

    /**
     * A page reads about the rows it shows: each part of the plan walks an index in the page's order and stops, instead
     * of reading every match for a sort. Read means kept or filtered out by a scan of the ticket table, or fetched from
     * its heap by an index-only scan (EXPLAIN ANALYZE); an agent's page may read its rows once from each part of what
     * they see.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pagesStopAfterTheirRows(String name, String who, Function<Q, Q> shape) {
        Q q = shape.apply(new Q());
        TicketQuery query = q.build();
        List<RecordingJdbcTemplate.Statement> statements = recording.record(() -> queries.list(actor(who), query));
        RecordingJdbcTemplate.Statement page = statements.get(0);
        String json = plain.queryForObject(
                "explain (analyze, format json) " + page.sql(),
                String.class,
                page.params().toArray());
        long needed = (long) q.page * q.size + q.size + 1;
        assertThat(rowsRead(new ObjectMapper().readTree(json)))
                .as(
                        "%s: rows of ticket read for a page in%n%s%nparameters %s%nplan %s",
                        name, page.sql(), page.params(), json)
                .isLessThanOrEqualTo(4 * needed + 100);
    }

    private static long rowsRead(JsonNode node) {
        long read = 0;
        if (node.isObject() && "ticket".equals(node.path("Relation Name").asString(""))) {
            long loops = Math.max(1, node.path("Actual Loops").asLong(1));
            read += "Index Only Scan".equals(node.path("Node Type").asString(""))
                    ? node.path("Heap Fetches").asLong(0)
                    : (node.path("Actual Rows").asLong(0)
                                    + node.path("Rows Removed by Filter").asLong(0)
                                    + node.path("Rows Removed by Index Recheck").asLong(0))
                            * loops;
        }
        for (JsonNode child : node) {
            read += rowsRead(child);
        }
        return read;
    }

    /** An agent's page, read as a UNION ALL of what they see, holds the rows of the plain OR in the same order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("agentOrders")
    void anAgentsPageIsTheOneTheOrGives(String name, String orderBy, String order, int page, Boolean closed) {
        Q q = new Q();
        q.orderBy = orderBy;
        q.page = page;
        q.closed = closed;
        TicketQuery query = q.build();
        TicketRows.Where where = queries.where(agent, query, now);
        List<Object> params = new ArrayList<>(where.params());
        params.add(q.size);
        params.add(page * q.size);
        List<UUID> expected = plain.queryForList(
                "select t.id from ticket t where " + where.sql() + " order by " + order + " limit ? offset ?",
                UUID.class,
                params.toArray());
        assertThat(expected).as(name).isNotEmpty();
        assertThat(queries.list(agent, query).items())
                .extracting(TicketSummary::id)
                .as(name)
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> agentOrders() {
        String rank = "case t.priority when 'LOW' then 0 when 'NORMAL' then 1 when 'HIGH' then 2 when 'URGENT' then 3"
                + " end";
        return Stream.of(
                Arguments.of("newest first", null, "t.opened_at desc, t.id desc", 0, null),
                Arguments.of("newest first, deep", null, "t.opened_at desc, t.id desc", 40, null),
                Arguments.of("open, newest first", null, "t.opened_at desc, t.id desc", 2, false),
                Arguments.of("priority", "priority desc", rank + " desc, t.id desc", 3, true),
                Arguments.of("priority ascending", "priority asc", rank + " asc, t.id desc", 1, false),
                Arguments.of(
                        "title, then due", "title asc, dueAt desc", "t.title asc, t.due_at desc, t.id desc", 1, null),
                Arguments.of("rating", "rating desc", "t.rating desc, t.id desc", 5, true),
                Arguments.of("SLA deadline", "slaDueAt asc", "t.sla_due_at asc, t.id desc", 2, false));
    }

    @Test
    void cursorPagesNeverScanTheTicketTable() {
        for (Actor actor : List.of(admin, agent, requester)) {
            TicketPage first = queries.list(actor, new Q().build());
            assertThat(first.nextCursor()).as("a next page for %s", actor).isNotNull();
            Q next = new Q();
            next.cursor = first.nextCursor();
            checkPlans("cursor page", () -> queries.list(actor, next.build()));
            Q filtered = new Q();
            filtered.closed = false;
            TicketPage open = queries.list(actor, filtered.build());
            if (open.nextCursor() != null) {
                filtered.cursor = open.nextCursor();
                checkPlans("cursor page of open tickets", () -> queries.list(actor, filtered.build()));
            }
        }
    }

    @Test
    void theDetailViewFindsTicketsAndCommentsByIndex() {
        UUID id = plain.queryForObject("select id from ticket where number = 1500", UUID.class);
        explain("detail by id", new RecordingJdbcTemplate.Statement(TICKET_BY + "t.id = ?", List.of(id)));
        explain("detail by number", new RecordingJdbcTemplate.Statement(TICKET_BY + "t.number = ?", List.of(1500L)));
        explain("comments of a ticket", new RecordingJdbcTemplate.Statement(COMMENTS_OF, List.of(id)));
    }

    private static void checkPlans(String name, Runnable work) {
        QueryPlans.checkPlans(plain, recording, name, work);
    }

    private static void explain(String name, RecordingJdbcTemplate.Statement statement) {
        QueryPlans.explain(plain, name, statement);
    }

    private static Arguments list(String who, String name, Consumer<Q> shape) {
        return Arguments.of(who + ": " + name, who, (Function<Q, Q>) q -> {
            shape.accept(q);
            return q;
        });
    }

    private static Actor actor(String who) {
        return switch (who) {
            case "admin" -> admin;
            case "agent" -> agent;
            default -> requester;
        };
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    /** A list request under construction (the typed filters the API offers). */
    static final class Q {
        List<UUID> statuses = List.of();
        UUID departmentId;
        UUID typeId;
        UUID categoryId;
        Priority priority;
        UUID assigneeId;
        UUID requesterId;
        Boolean unassigned;
        Boolean overdue;
        Boolean closed;
        Instant openedFrom;
        Instant openedTo;
        Instant dueFrom;
        Instant dueTo;
        Duration slaDueWithin;
        String q;
        String filter;
        String orderBy;
        int page;
        int size = 25;
        String cursor;

        TicketQuery build() {
            return TicketQuery.builder()
                    .statuses(statuses)
                    .departmentId(departmentId)
                    .typeId(typeId)
                    .categoryId(categoryId)
                    .priority(priority)
                    .assigneeId(assigneeId)
                    .requesterId(requesterId)
                    .unassigned(unassigned)
                    .overdue(overdue)
                    .closed(closed)
                    .openedBetween(openedFrom, openedTo)
                    .dueBetween(dueFrom, dueTo)
                    .slaDueWithin(slaDueWithin)
                    .q(q)
                    .filter(filter)
                    .orderBy(orderBy)
                    .page(page)
                    .size(size)
                    .cursor(cursor)
                    .build();
        }
    }
}
