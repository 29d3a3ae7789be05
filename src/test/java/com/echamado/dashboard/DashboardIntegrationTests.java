package com.echamado.dashboard;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The dashboard over the API: what the caller may see, and reused from the shared cache for a short while. */
class DashboardIntegrationTests extends IntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.echamado.catalog.Catalog catalog;

    UserView requester;
    String requesterToken;

    @BeforeEach
    void people() {
        requester = users.create(Role.USER);
        requesterToken = users.token(requester);
    }

    @Test
    void theDashboardCountsWhatTheCallerMaySee() {
        open(http(), requesterToken, uniqueTitle("Painel"));
        HttpResponse<String> mine = http().json("GET", "/api/v1/dashboard", requesterToken, null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode dashboard = TestHttp.parse(mine);
        assertThat(dashboard.get("open").asLong()).isEqualTo(1);
        assertThat(dashboard.get("mine").asLong()).isEqualTo(1);
        assertThat(dashboard.get("createdPerDay").get(0).get("count").asLong()).isEqualTo(1);
        UserView stranger = users.create(Role.USER);
        assertThat(TestHttp.parse(http().json("GET", "/api/v1/dashboard", users.token(stranger), null))
                        .get("open")
                        .asLong())
                .isZero();
    }

    @Test
    void aCallersDashboardIsReusedForAShortWhileThenComputedAgain() {
        assertThat(openOnDashboard(requesterToken)).isZero();
        open(http(), requesterToken, uniqueTitle("Painel em cache"));
        assertThat(openOnDashboard(requesterToken))
                .as("within the cache's life the same figures")
                .isZero();
        String other = users.token(users.create(Role.USER));
        open(http(), other, uniqueTitle("Outro painel"));
        assertThat(openOnDashboard(other))
                .as("another caller has an entry of their own")
                .isEqualTo(1);

        Set<String> entries = redis.keys("*" + TicketDashboard.CACHE + "::" + requester.id() + ":*");
        assertThat(entries).hasSize(1);
        assertThat(redis.getExpire(entries.iterator().next(), TimeUnit.SECONDS))
                .as("expires after ECHAMADO_DASHBOARD_CACHE_TTL (30 s)")
                .isBetween(1L, 30L);
        redis.delete(entries); // what those 30 s do
        assertThat(openOnDashboard(requesterToken)).isEqualTo(1);
    }

    private long openOnDashboard(String token) {
        HttpResponse<String> dashboard = http().json("GET", "/api/v1/dashboard", token, null);
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        return TestHttp.parse(dashboard).get("open").asLong();
    }

    /**
     * SLA compliance per department, month and target equals a recount of the stored clocks done here from their raw
     * rows: one infrastructure ticket answered in time, one past its first response (opened hours ago, recomputed when
     * the policy is saved again), one still running. Agents see their departments only; requesters none.
     */
    @Test
    void slaComplianceEqualsARecountOfTheClocksForTheDepartmentsTheCallerWorks() {
        TestHttp http = http();
        String admin = users.token(users.create(Role.ADMIN));
        String calendar = TestHttp.parse(
                        http.json("POST", "/api/v1/sla/calendars", admin, """
                        {"name":"%s","zone":"UTC","alwaysOpen":true,"hours":[],"holidays":[]}
                        """.formatted(uniqueTitle("Painel 24x7"))))
                .get("id")
                .asString();
        String policyBody = """
                {"name":"%s","position":1,"enabled":true,"departmentId":"%s","calendarId":"%s",
                 "firstResponseMinutes":60,"resolutionMinutes":480,"warningPercent":80}
                """.formatted(uniqueTitle("Painel SLA"), INFRA_DEPARTMENT, calendar);
        HttpResponse<String> created = http.json("POST", "/api/v1/sla/policies", admin, policyBody);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String policyId = TestHttp.parse(created).get("id").asString();
        try {
            JsonNode answered = openInfra(http);
            JsonNode breached = openInfra(http);
            openInfra(http);
            HttpResponse<String> reply = http.json(
                    "POST",
                    "/api/v1/tickets/" + answered.get("id").asString() + "/comments",
                    admin,
                    "{\"body\":\"Estamos verificando.\"}");
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
            UUID late = UUID.fromString(breached.get("id").asString());
            jdbc.update("update ticket set opened_at = opened_at - interval '3 hours' where id = ?", late);
            jdbc.update(
                    "update ticket_history set changed_at = changed_at - interval '3 hours' where ticket_id = ?", late);
            HttpResponse<String> saved = http.json(
                    "PUT",
                    "/api/v1/sla/policies/" + policyId,
                    admin,
                    policyBody.replace("\"position\":1", "\"position\":2"));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        Map<String, List<Long>> reported = compliance(http, admin);
                        assertThat(reported).isEqualTo(recount());
                        List<Long> infra = reported.get(
                                INFRA_DEPARTMENT + " " + YearMonth.now(ZoneOffset.UTC) + " FIRST_RESPONSE");
                        assertThat(infra)
                                .as("met in time and breached unmet this month")
                                .isNotNull();
                        assertThat(infra.get(1)).isPositive();
                        assertThat(infra.get(2)).isPositive();
                    });

            UserView agent = users.create(Role.SUPPORT);
            catalog.addAgent(UUID.fromString(SUPPORT_DEPARTMENT), agent.id());
            String supportAgent = users.token(agent);
            assertThat(compliance(http, supportAgent).keySet())
                    .as("an agent of another department")
                    .noneMatch(key -> key.startsWith(INFRA_DEPARTMENT));
            assertThat(http.json("GET", "/api/v1/dashboard/sla", requesterToken, null)
                            .statusCode())
                    .isEqualTo(403);
        } finally {
            jdbc.update("delete from sla_policy where id = ?", UUID.fromString(policyId));
        }
    }

    private JsonNode openInfra(TestHttp http) {
        HttpResponse<String> response =
                http.json("POST", "/api/v1/tickets", requesterToken, body(uniqueTitle("SLA"), INFRA_DEPARTMENT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.parse(response);
    }

    /** "department month target" to {met, met in time, breached unmet}, as the API reports them. */
    private static Map<String, List<Long>> compliance(TestHttp http, String token) {
        HttpResponse<String> response = http.json("GET", "/api/v1/dashboard/sla", token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, List<Long>> out = new TreeMap<>();
        for (JsonNode row : TestHttp.parse(response)) {
            out.put(
                    row.get("departmentId").asString() + " " + row.get("month").asString() + " "
                            + row.get("target").asString(),
                    List.of(
                            row.get("met").asLong(),
                            row.get("metInTime").asLong(),
                            row.get("breachedUnmet").asLong()));
        }
        return out;
    }

    /**
     * The same figures counted here from the clocks' raw rows: a target is decided when met, or breached (recorded,
     * or a running deadline past), in the month (UTC) of that instant; the dashboard shows this month and the two
     * before.
     */
    private Map<String, List<Long>> recount() {
        Instant now = Instant.now();
        YearMonth last = YearMonth.now(ZoneOffset.UTC);
        YearMonth first = last.minusMonths(2);
        Map<String, long[]> counted = new TreeMap<>();
        jdbc.query(
                "select department_id, target, met_at, breached_at, deadline_at, running from sla_ticket_clock", rs -> {
                    Instant met = instant(rs.getTimestamp("met_at"));
                    Instant breachedAt = instant(rs.getTimestamp("breached_at"));
                    Instant deadline = instant(rs.getTimestamp("deadline_at"));
                    Instant decided = met != null
                            ? met
                            : breachedAt != null
                                    ? breachedAt
                                    : rs.getBoolean("running") && deadline != null && !deadline.isAfter(now)
                                            ? deadline
                                            : null;
                    if (decided == null) {
                        return;
                    }
                    YearMonth month = YearMonth.from(decided.atZone(ZoneOffset.UTC));
                    if (month.isBefore(first) || month.isAfter(last)) {
                        return;
                    }
                    long[] counts = counted.computeIfAbsent(
                            rs.getString("department_id") + " " + month + " " + rs.getString("target"),
                            key -> new long[3]);
                    if (met != null) {
                        counts[0]++;
                        if (breachedAt == null || !met.isAfter(breachedAt)) {
                            counts[1]++;
                        }
                    } else {
                        counts[2]++;
                    }
                });
        Map<String, List<Long>> out = new TreeMap<>();
        counted.forEach((key, c) -> out.put(key, List.of(c[0], c[1], c[2])));
        return out;
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
