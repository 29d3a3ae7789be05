package com.echamado.dashboard;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard of an administrator and of an agent reads counters kept with every ticket change; a requester's is
 * counted live. After every kind of change, each of them must show what a plain count of the tickets says.
 */
class TicketDashboardTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CacheManager caches;

    UserView admin;
    UserView agent;
    UserView requester;
    String adminToken;
    String agentToken;
    String requesterToken;
    String department;

    @BeforeEach
    void people() {
        admin = users.create(Role.ADMIN);
        agent = users.create(Role.SUPPORT);
        requester = users.create(Role.USER);
        adminToken = users.token(admin);
        agentToken = users.token(agent);
        requesterToken = users.token(requester);
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/catalog/departments",
                        adminToken,
                        "{\"name\":\"Painel " + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        department = TestHttp.parse(created).get("id").asString();
        jdbc.update(
                "insert into department_agent (department_id, user_id) values (?, ?)",
                UUID.fromString(department),
                agent.id());
    }

    @Test
    void everyKindOfChangeShowsOnEachDashboardAsACountOfTheTicketsWould() {
        String first = opened(requesterToken, department);
        String second = opened(requesterToken, department);
        agreesWithACount("two tickets opened");

        ok(change(http(), agentToken, "POST", first + "/assign", "{\"assigneeId\":\"" + agent.id() + "\"}"));
        agreesWithACount("assigned");

        HttpResponse<String> reply =
                http().json("POST", first + "/comments", agentToken, "{\"body\":\"Estamos verificando o cabo.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        agreesWithACount("first response");

        ok(change(http(), agentToken, "POST", first + "/transition", "{\"statusId\":\"" + IN_PROGRESS + "\"}"));
        ok(change(http(), agentToken, "POST", first + "/resolve", "{\"resolution\":\"Cabo trocado.\"}"));
        agreesWithACount("resolved");

        ok(change(http(), agentToken, "POST", second + "/close", null));
        agreesWithACount("closed");

        ok(change(http(), requesterToken, "POST", first + "/reopen", null));
        agreesWithACount("reopened");

        String due = dueInAMoment();
        ok(change(http(), agentToken, "PATCH", first, "{\"priority\":\"URGENT\",\"dueAt\":\"" + due + "\"}"));
        untilPassed(due);
        agreesWithACount("priority raised and overdue");

        // moved out of the agent's department: still theirs (assigned), now counted live as "elsewhere"
        ok(change(http(), agentToken, "PATCH", first, "{\"departmentId\":\"" + INFRA_DEPARTMENT + "\"}"));
        opened(agentToken, SUPPORT_DEPARTMENT);
        agreesWithACount("moved to another department, and a ticket the agent requested elsewhere");

        ok(change(http(), adminToken, "POST", second + "/reopen", null));
        ok(change(http(), adminToken, "POST", first + "/close", null));
        agreesWithACount("reopened by an administrator, closed elsewhere");
    }

    @Test
    void simultaneousChangesInOneDepartmentAreAllCounted() throws Exception {
        int tickets = 12;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            paths.add(opened(requesterToken, department));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String path : paths) {
                results.add(pool.submit(() -> change(
                                http(), agentToken, "POST", path + "/assign", "{\"assigneeId\":\"" + agent.id() + "\"}")
                        .statusCode()));
                results.add(pool.submit(() -> opened(requesterToken, department).isEmpty() ? 0 : 201));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isIn(200, 201);
            }
            List<Future<Integer>> closing = new ArrayList<>();
            for (String path : paths) {
                closing.add(pool.submit(() -> change(http(), agentToken, "POST", path + "/close", null)
                        .statusCode()));
            }
            for (Future<Integer> result : closing) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        agreesWithACount("after simultaneous opening, assignment and closing");
        JsonNode agents = dashboard(agentToken);
        assertThat(agents.get("openByDepartment").get(department).asLong()).isEqualTo(tickets);
    }

    private String opened(String token, String departmentId) {
        HttpResponse<String> response =
                http().json("POST", "/api/v1/tickets", token, body(uniqueTitle("Painel"), departmentId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return "/api/v1/tickets/" + TestHttp.parse(response).get("id").asString();
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Fresh figures: the 30-second cache in front of them is tested in TicketsIntegrationTests. */
    private JsonNode dashboard(String token) {
        caches.getCache(TicketDashboard.CACHE).clear();
        HttpResponse<String> response = http().json("GET", "/api/v1/dashboard", token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.parse(response);
    }

    private void agreesWithACount(String after) {
        agrees(after + " (administrator)", dashboard(adminToken), "true", List.of());
        agrees(
                after + " (agent)",
                dashboard(agentToken),
                "(t.requester_id = ? or t.assignee_id = ? or t.department_id in"
                        + " (select department_id from department_agent where user_id = ?))",
                List.of(agent.id(), agent.id(), agent.id()));
        agrees(after + " (requester)", dashboard(requesterToken), "t.requester_id = ?", List.of(requester.id()));
    }

    /** Compares a dashboard with the same figures counted straight from the tickets the caller may see. */
    private void agrees(String when, JsonNode dashboard, String visible, List<Object> params) {
        UUID me = UUID.fromString(
                params.isEmpty() ? admin.id().toString() : params.get(0).toString());
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(29);
        Timestamp since = Timestamp.from(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant());
        String open = " from ticket t where not t.is_closed and " + visible;
        assertThat(dashboard.get("open").asLong()).as(when + ": open").isEqualTo(count(open, params));
        assertThat(dashboard.get("unassigned").asLong())
                .as(when + ": unassigned")
                .isEqualTo(count(open + " and t.assignee_id is null", params));
        assertThat(dashboard.get("overdue").asLong())
                .as(when + ": overdue")
                .isEqualTo(count(open + " and t.due_at < ?", with(params, now)));
        assertThat(dashboard.get("mine").asLong())
                .as(when + ": mine")
                .isEqualTo(count(open + " and t.requester_id = ?", with(params, me)));
        assertThat(dashboard.get("assignedToMe").asLong())
                .as(when + ": assigned to me")
                .isEqualTo(count(open + " and t.assignee_id = ?", with(params, me)));
        for (String[] breakdown : List.of(
                new String[] {"openByStatus", "status_id"},
                new String[] {"openByDepartment", "department_id"},
                new String[] {"openByPriority", "priority"})) {
            assertThat(map(dashboard.get(breakdown[0])))
                    .as(when + ": " + breakdown[0])
                    .isEqualTo(groups(
                            "select cast(t." + breakdown[1] + " as varchar(40)), count(*)" + open + " group by t."
                                    + breakdown[1],
                            params));
        }
        assertThat(days(dashboard.get("createdPerDay")))
                .as(when + ": created per day")
                .isEqualTo(groups(
                        "select cast(cast(t.opened_at at time zone 'UTC' as date) as varchar(10)), count(*)"
                                + " from ticket t where t.opened_at >= ? and " + visible + " group by 1",
                        with(List.<Object>of(since), params.toArray())));
        assertThat(days(dashboard.get("closedPerDay")))
                .as(when + ": closed per day")
                .isEqualTo(groups(
                        "select cast(cast(t.closed_at at time zone 'UTC' as date) as varchar(10)), count(*)"
                                + " from ticket t where t.closed_at >= ? and " + visible + " group by 1",
                        with(List.<Object>of(since), params.toArray())));
        assertAverage(
                when + ": average first response",
                dashboard.get("averageFirstResponseSeconds"),
                "t.first_response_at",
                visible,
                since,
                params);
        assertAverage(
                when + ": average resolution",
                dashboard.get("averageResolutionSeconds"),
                "t.resolved_at",
                visible,
                since,
                params);
    }

    private void assertAverage(
            String what, JsonNode actual, String column, String visible, Timestamp since, List<Object> params) {
        Double expected = jdbc.queryForObject(
                "select avg(extract(epoch from (" + column + " - t.opened_at))) from ticket t where t.opened_at >= ?"
                        + " and " + column + " is not null and " + visible,
                Double.class,
                with(List.<Object>of(since), params.toArray()).toArray());
        if (expected == null) {
            assertThat(actual == null || actual.isNull()).as(what).isTrue();
        } else {
            assertThat(actual.asDouble()).as(what).isCloseTo(expected, within(1e-3));
        }
    }

    private long count(String from, List<Object> params) {
        return jdbc.queryForObject("select count(*)" + from, Long.class, params.toArray());
    }

    private Map<String, Long> groups(String sql, List<Object> params) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.query(
                sql,
                rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                },
                params.toArray());
        return out;
    }

    private static Map<String, Long> map(JsonNode node) {
        Map<String, Long> out = new TreeMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static Map<String, Long> days(JsonNode node) {
        Map<String, Long> out = new TreeMap<>();
        node.forEach(day -> out.put(day.get("day").asString(), day.get("count").asLong()));
        return out;
    }

    private static List<Object> with(List<Object> params, Object... more) {
        List<Object> out = new ArrayList<>(params);
        out.addAll(List.of(more));
        return out;
    }
}
