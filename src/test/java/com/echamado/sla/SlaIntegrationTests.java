package com.echamado.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import com.echamado.tickets.TicketFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The SLA module over real HTTP on this run's PostgreSQL: policies, clocks kept from ticket events, escalation. */
class SlaIntegrationTests extends IntegrationTest {

    static final String INFRA = "00000000-0000-4000-8000-000000000202";
    static final String WAITING_FOR_CUSTOMER = "00000000-0000-4000-8000-000000000103";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Escalations escalations;

    @Autowired
    TicketClocks clocks;

    @Autowired
    DataSource dataSource;

    TestHttp http;
    String admin;
    UserView requester;
    String requesterToken;
    String calendarId;

    @BeforeEach
    void setUp() {
        http = http();
        admin = users.token(users.create(Role.ADMIN));
        requester = users.create(Role.USER);
        requesterToken = users.token(requester);
        // Policies are global: this class's start from nothing, so that each test knows which one applies.
        jdbc.update("delete from sla_policy");
        calendarId = created(
                        http.json("POST", "/api/v1/sla/calendars", admin, """
                {"name":"%s","zone":"UTC","alwaysOpen":true,"hours":[],"holidays":[]}
                """.formatted("Always " + UUID.randomUUID())))
                .get("id")
                .asString();
    }

    private JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.parse(response);
    }

    private JsonNode policy(String name, int position, String conditions, int resolution) {
        return created(http.json("POST", "/api/v1/sla/policies", admin, """
                {"name":"%s","position":%d,"enabled":true,%s"calendarId":"%s","firstResponseMinutes":60,
                 "nextResponseMinutes":120,"resolutionMinutes":%d,"warningPercent":80}
                """.formatted(
                        name + " " + UUID.randomUUID(), position, conditions, calendarId, resolution)));
    }

    private JsonNode openInfraTicket() {
        HttpResponse<String> response = http.json("POST", "/api/v1/tickets", requesterToken, """
                {"title":"Servidor fora do ar","description":"x","typeId":"00000000-0000-4000-8000-000000000301",
                 "categoryId":"00000000-0000-4000-8000-000000000401","departmentId":"%s"}
                """.formatted(INFRA));
        return created(response);
    }

    private JsonNode slaOf(String ticketId, String token, Predicate<JsonNode> until) {
        return awaitGet("/api/v1/sla/tickets/" + ticketId, token, until);
    }

    /** GETs the path until the answer (200) satisfies {@code until}; the last answer. */
    private JsonNode awaitGet(String path, String token, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = http.json("GET", path, token, null);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    last[0] = TestHttp.parse(response);
                    return until.test(last[0]);
                });
        return last[0];
    }

    private static JsonNode clock(JsonNode sla, SlaTarget target) {
        for (JsonNode clock : sla.get("clocks")) {
            if (clock.get("target").asString().equals(target.name())) {
                return clock;
            }
        }
        return null;
    }

    private static Instant instant(JsonNode node, String field) {
        return node.get(field).isNull() ? null : Instant.parse(node.get(field).asString());
    }

    private HttpResponse<String> change(String method, String path, String body) {
        String ticketPath = path.replaceAll("^(/api/v1/tickets/[^/]+).*$", "$1");
        HttpResponse<String> current = http.json("GET", ticketPath, admin, null);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> response = http.jsonWithHeader(method, path, admin, body, "If-Match", etag);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void aNewTicketRunsUnderTheFirstMatchingPolicyWithItsDeadlines() {
        JsonNode policy = policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        JsonNode ticket = openInfraTicket();
        Instant opened = Instant.parse(ticket.get("openedAt").asString());

        JsonNode sla = slaOf(
                ticket.get("id").asString(),
                requesterToken,
                s -> s.get("clocks").size() == 2);
        assertThat(sla.get("policyId").asString()).isEqualTo(policy.get("id").asString());
        assertThat(sla.get("policyVersion").asInt()).isEqualTo(1);
        // 24×7: the deadlines are plain sums; the warning comes at 80 % (48 of 60 minutes).
        JsonNode first = clock(sla, SlaTarget.FIRST_RESPONSE);
        assertThat(instant(first, "deadlineAt")).isEqualTo(opened.plusSeconds(3600));
        assertThat(instant(first, "warningAt")).isEqualTo(opened.plusSeconds(48 * 60));
        assertThat(first.get("state").asString()).isEqualTo("OK");
        assertThat(instant(clock(sla, SlaTarget.RESOLUTION), "deadlineAt")).isEqualTo(opened.plusSeconds(480 * 60));
    }

    @Test
    void someoneWhoMayNotSeeTheTicketDoesNotSeeItsSla() {
        policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        String ticketId = openInfraTicket().get("id").asString();
        String stranger = users.token(users.create(Role.USER));
        assertThat(http.json("GET", "/api/v1/sla/tickets/" + ticketId, stranger, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAdministratorsManagePoliciesAndBadInputIsAProblemWithTheField() {
        assertThat(http.json("GET", "/api/v1/sla/policies", requesterToken, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.json("GET", "/api/v1/sla/policies", null, null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> badZone = http.json("POST", "/api/v1/sla/calendars", admin, """
                {"name":"Nowhere","zone":"Mars/Olympus","alwaysOpen":true,"hours":[],"holidays":[]}
                """);
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(badZone.body()).contains("zone");
        HttpResponse<String> overlapping = http.json("POST", "/api/v1/sla/calendars", admin, """
                {"name":"Overlap","zone":"UTC","alwaysOpen":false,"holidays":[],
                 "hours":[{"day":"MONDAY","start":"08:00","end":"12:00"},{"day":"MONDAY","start":"11:00","end":"13:00"}]}
                """);
        assertThat(overlapping.statusCode()).isEqualTo(400);
        assertThat(overlapping.body()).contains("hours");
        HttpResponse<String> badTime = http.json("POST", "/api/v1/sla/calendars", admin, """
                {"name":"Late","zone":"UTC","alwaysOpen":false,"holidays":[],
                 "hours":[{"day":"MONDAY","start":"08:00","end":"25:00"}]}
                """);
        assertThat(badTime.statusCode()).isEqualTo(400);
    }

    @Test
    void aPriorityChangeReMatchesThePolicyKeepingTheTimeUsed() {
        JsonNode urgent =
                policy("Infra urgent", 0, "\"departmentId\":\"%s\",\"priority\":\"URGENT\",".formatted(INFRA), 120);
        policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        JsonNode ticket = openInfraTicket();
        String id = ticket.get("id").asString();
        Instant opened = Instant.parse(ticket.get("openedAt").asString());
        slaOf(id, admin, s -> s.get("clocks").size() == 2);

        change("PATCH", "/api/v1/tickets/" + id, "{\"priority\":\"URGENT\"}");

        JsonNode sla = slaOf(
                id,
                admin,
                s -> urgent.get("id").asString().equals(s.get("policyId").asString()));
        // Around the clock and never paused: due 120 minutes after the opening, whatever happened in between.
        assertThat(instant(clock(sla, SlaTarget.RESOLUTION), "deadlineAt")).isEqualTo(opened.plusSeconds(120 * 60));
    }

    @Test
    void waitingForTheCustomerPausesTheClocksAndTheirReplyResumesThem() {
        policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        String id = openInfraTicket().get("id").asString();
        slaOf(id, admin, s -> s.get("clocks").size() == 2);

        change(
                "POST",
                "/api/v1/tickets/" + id + "/transition",
                "{\"statusId\":\"%s\"}".formatted(WAITING_FOR_CUSTOMER));
        JsonNode paused = slaOf(
                id, admin, s -> clock(s, SlaTarget.RESOLUTION).get("paused").asBoolean());
        assertThat(clock(paused, SlaTarget.RESOLUTION).get("deadlineAt").isNull())
                .isTrue();
        assertThat(clock(paused, SlaTarget.RESOLUTION).get("remainingMinutes").asLong())
                .isBetween(479L, 480L);

        HttpResponse<String> reply = http.json(
                "POST", "/api/v1/tickets/" + id + "/comments", requesterToken, "{\"body\":\"Segue o print.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        JsonNode resumed = slaOf(
                id, admin, s -> !clock(s, SlaTarget.RESOLUTION).get("paused").asBoolean());
        assertThat(instant(clock(resumed, SlaTarget.RESOLUTION), "deadlineAt")).isAfter(Instant.now());
    }

    @Test
    void anOnHoldStatusPausesTheClocksUntilTheNextStatusChangeNotUntilTheRequestersReply() {
        policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        String onHold = created(http.json(
                        "POST",
                        "/api/v1/catalog/statuses",
                        admin,
                        "{\"name\":\"Em espera %s\",\"onHold\":true}"
                                .formatted(UUID.randomUUID().toString().substring(0, 6))))
                .get("id")
                .asString();
        String id = openInfraTicket().get("id").asString();
        slaOf(id, admin, s -> s.get("clocks").size() == 2);

        change("POST", "/api/v1/tickets/" + id + "/transition", "{\"statusId\":\"%s\"}".formatted(onHold));
        slaOf(id, admin, s -> clock(s, SlaTarget.RESOLUTION).get("paused").asBoolean());
        HttpResponse<String> reply = http.json(
                "POST", "/api/v1/tickets/" + id + "/comments", requesterToken, "{\"body\":\"Alguma novidade?\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from event_publication where completion_date is null"
                                        + " and listener_id like '%TicketEventListener%'",
                                Integer.class)
                        == 0);
        JsonNode held = slaOf(id, admin, s -> true);
        assertThat(clock(held, SlaTarget.RESOLUTION).get("paused").asBoolean())
                .as("the requester's reply does not end the hold")
                .isTrue();
        assertThat(clock(held, SlaTarget.RESOLUTION).get("deadlineAt").isNull()).isTrue();
        assertThat(http.json("GET", "/api/v1/tickets/" + id, admin, null).body())
                .as("nor does it move the ticket")
                .contains(onHold);

        change(
                "POST",
                "/api/v1/tickets/" + id + "/transition",
                "{\"statusId\":\"00000000-0000-4000-8000-000000000102\"}");
        JsonNode resumed = slaOf(
                id, admin, s -> !clock(s, SlaTarget.RESOLUTION).get("paused").asBoolean());
        assertThat(instant(clock(resumed, SlaTarget.RESOLUTION), "deadlineAt")).isAfter(Instant.now());
    }

    @Autowired
    SlaBackfill backfill;

    @Test
    void aTicketOpenedBeforeTheModuleGetsItsClocksFromTheBackfillOnceAndOnOneReplica() throws Exception {
        policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        JsonNode ticket = openInfraTicket();
        String id = ticket.get("id").asString();
        Instant opened = Instant.parse(ticket.get("openedAt").asString());
        UUID ticketId = UUID.fromString(id);
        slaOf(id, admin, s -> s.get("clocks").size() == 2);
        // As before the module existed: the ticket has no SLA rows.
        jdbc.update("delete from sla_ticket where ticket_id = ?", ticketId);
        assertThat(jdbc.queryForObject(
                        "select count(*) from sla_ticket_clock where ticket_id = ?", Integer.class, ticketId))
                .isZero();

        try (Connection other = dataSource.getConnection();
                var statement = other.createStatement()) {
            statement.execute("select pg_advisory_lock(" + SlaBackfill.LOCK + ")");
            assertThat(backfill.run()).as("another replica is backfilling").isEqualTo(-1);
            statement.execute("select pg_advisory_unlock(" + SlaBackfill.LOCK + ")");
        }
        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);
        JsonNode sla = slaOf(id, admin, s -> s.get("clocks").size() == 2);
        // Around the clock: due 480 minutes after the opening, as if the module had seen it open.
        assertThat(instant(clock(sla, SlaTarget.RESOLUTION), "deadlineAt")).isEqualTo(opened.plusSeconds(480 * 60));
        assertThat(backfill.run()).as("nothing is left to backfill").isZero();
    }

    @Test
    void aBreachIsAnnouncedOnceByOneReplica() throws Exception {
        policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        String id = openInfraTicket().get("id").asString();
        UUID ticketId = UUID.fromString(id);
        slaOf(id, admin, s -> s.get("clocks").size() == 2);
        // The ticket was opened ten hours ago, as its history now says: past both targets.
        jdbc.update("update ticket set opened_at = opened_at - interval '10 hours' where id = ?", ticketId);
        jdbc.update(
                "update ticket_history set changed_at = changed_at - interval '10 hours' where ticket_id = ?",
                ticketId);
        clocks.recompute(ticketId);

        // Another replica holds the lease: this one does nothing.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, Escalations.LOCK);
                lock.execute();
            }
            assertThat(escalations.run()).isEqualTo(-1);
            other.rollback();
        }
        escalations.run();
        escalations.run();

        assertThat(jdbc.queryForObject(
                        "select count(*) from sla_escalation where ticket_id = ? and kind = 'BREACHED' and announced",
                        Integer.class,
                        ticketId))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from sla_escalation where ticket_id = ? and kind = 'WARNING' and announced",
                        Integer.class,
                        ticketId))
                .as("no warning after the breach")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_publication where event_type = ? and serialized_event like ?",
                        Integer.class,
                        SlaBreached.class.getName(),
                        "%" + id + "%"))
                .isGreaterThanOrEqualTo(2);
        JsonNode sla = slaOf(id, admin, s -> true);
        assertThat(clock(sla, SlaTarget.FIRST_RESPONSE).get("state").asString()).isEqualTo("BREACHED");
        assertThat(clock(sla, SlaTarget.FIRST_RESPONSE).get("remainingMinutes").asLong())
                .isLessThan(0);

        // "Breaching in the next hour" lists it for whoever may see it, and only for them.
        HttpResponse<String> atRisk = http.json("GET", "/api/v1/sla/at-risk?within=PT1H", admin, null);
        assertThat(atRisk.statusCode()).as(atRisk.body()).isEqualTo(200);
        assertThat(atRisk.body()).contains(id);
        String otherAgent = users.token(users.create(Role.SUPPORT));
        HttpResponse<String> notTheirs = http.json("GET", "/api/v1/sla/at-risk?within=PT1H", otherAgent, null);
        assertThat(notTheirs.statusCode()).isEqualTo(200);
        assertThat(notTheirs.body()).doesNotContain(id);
        assertThat(http.json("GET", "/api/v1/sla/at-risk", requesterToken, null).statusCode())
                .isEqualTo(403);

        // Compliance per department and month equals a plain recount of the clocks.
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        HttpResponse<String> compliance =
                http.json("GET", "/api/v1/sla/compliance?from=" + month.minusMonths(1) + "&to=" + month, admin, null);
        assertThat(compliance.statusCode()).as(compliance.body()).isEqualTo(200);
        long reported = 0;
        for (JsonNode row : TestHttp.parse(compliance)) {
            if (row.get("departmentId").asString().equals(INFRA)
                    && row.get("target").asString().equals("FIRST_RESPONSE")) {
                reported += row.get("breachedUnmet").asLong();
            }
        }
        assertThat(reported)
                .as(compliance.body())
                .isPositive()
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from sla_ticket_clock where department_id = ? and target = 'FIRST_RESPONSE'"
                                + " and met_at is null and coalesce(breached_at, deadline_at) >= ?"
                                + " and (breached_at is not null or (running and deadline_at <= now()))",
                        Long.class,
                        UUID.fromString(INFRA),
                        java.sql.Timestamp.from(month.minusMonths(1)
                                .atDay(1)
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant())));
    }

    @Test
    void aWarningDueOutsideBusinessHoursWaitsForTheNextOpening() {
        // A calendar open one hour a week, three days from today (UTC): closed now.
        java.time.LocalDate day =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3);
        String weekly = created(http.json("POST", "/api/v1/sla/calendars", admin, """
                        {"name":"%s","zone":"UTC","alwaysOpen":false,"holidays":[],
                         "hours":[{"day":"%s","start":"10:00","end":"11:00"}]}
                        """.formatted(
                                "Weekly " + UUID.randomUUID(), day.getDayOfWeek())))
                .get("id")
                .asString();
        created(http.json(
                "POST", "/api/v1/sla/policies", admin, """
                {"name":"%s","position":1,"enabled":true,"departmentId":"%s","calendarId":"%s",
                 "firstResponseMinutes":30,"warningPercent":50}
                """.formatted("Weekly " + UUID.randomUUID(), INFRA, weekly)));
        String id = openInfraTicket().get("id").asString();
        UUID ticketId = UUID.fromString(id);
        JsonNode sla = slaOf(id, admin, s -> s.get("clocks").size() == 1);
        Instant opening = day.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
        assertThat(instant(clock(sla, SlaTarget.FIRST_RESPONSE), "deadlineAt")).isEqualTo(opening.plusSeconds(1800));

        // The warning is due now (as after an outage of every replica), but the calendar is closed.
        jdbc.update(
                "update sla_ticket_clock set warning_at = now() - interval '1 minute', next_due_at = now() - interval"
                        + " '1 minute' where ticket_id = ?",
                ticketId);
        escalations.run();

        assertThat(jdbc.queryForObject(
                        "select count(*) from sla_escalation where ticket_id = ?", Integer.class, ticketId))
                .isZero();
        assertThat(jdbc.queryForObject(
                                "select next_due_at from sla_ticket_clock where ticket_id = ?",
                                java.sql.Timestamp.class,
                                ticketId)
                        .toInstant())
                .isEqualTo(opening);
    }

    @Test
    void administratorsCreateACalendarAndAPolicyWithTheFormsAndSeeThePreview() {
        UserView administrator = users.create(Role.ADMIN);
        TestHttp browser = http();
        browser.login(administrator.email(), TestUsers.PASSWORD);
        String csrf = TestHttp.csrf(browser.get("/admin/sla").body());
        String calendarName = "Balcão " + UUID.randomUUID();
        HttpResponse<String> calendar = browser.postForm(
                "/admin/sla/calendars",
                java.util.Map.of(
                        "name", calendarName,
                        "zone", "America/Sao_Paulo",
                        "hours", "MONDAY 08:00-12:00 13:00-18:00\nTUESDAY 08:00-18:00",
                        "holidays", "2026-12-25 yearly Natal",
                        "_csrf", csrf));
        assertThat(calendar.statusCode()).isEqualTo(302);
        String page = browser.get("/admin/sla").body();
        assertThat(page).contains(calendarName, "MONDAY 08:00–12:00", "TUESDAY 08:00–18:00");
        String createdCalendar =
                jdbc.queryForObject("select id::text from sla_calendar where name = ?", String.class, calendarName);

        String policyName = "Balcão " + UUID.randomUUID();
        HttpResponse<String> policy = browser.postForm(
                "/admin/sla/policies",
                java.util.Map.of(
                        "name",
                        policyName,
                        "position",
                        "5",
                        "calendarId",
                        createdCalendar,
                        "resolutionMinutes",
                        "90",
                        "warningPercent",
                        "80",
                        "_csrf",
                        TestHttp.csrf(page)));
        assertThat(policy.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/sla").body()).contains(policyName, "90 min");

        HttpResponse<String> refused = browser.postForm(
                "/admin/sla/calendars",
                java.util.Map.of("name", "Nowhere", "zone", "Mars/Olympus", "_csrf", TestHttp.csrf(page)));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/sla").body()).contains("Dados inválidos");
    }

    @Test
    void aTicketThatNoLongerExistsLosesItsSlaInsteadOfFailing() {
        UUID gone = UUID.randomUUID();
        jdbc.update(
                "insert into sla_ticket (ticket_id, ticket_number, open, computed_at) values (?, 0, true, now())",
                gone);
        clocks.recompute(gone);
        assertThat(jdbc.queryForObject("select count(*) from sla_ticket where ticket_id = ?", Integer.class, gone))
                .isZero();
    }

    @Test
    void editingAPolicyRecomputesTheOpenTicketsUnderItsNewVersion() {
        JsonNode policy = policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        JsonNode ticket = openInfraTicket();
        String id = ticket.get("id").asString();
        Instant opened = Instant.parse(ticket.get("openedAt").asString());
        slaOf(id, admin, s -> s.get("clocks").size() == 2);

        HttpResponse<String> edited =
                http.json("PUT", "/api/v1/sla/policies/" + policy.get("id").asString(), admin, """
                {"name":"%s","position":10,"enabled":true,"departmentId":"%s","calendarId":"%s",
                 "firstResponseMinutes":60,"nextResponseMinutes":120,"resolutionMinutes":600,"warningPercent":80}
                """.formatted(
                                policy.get("name").asString(), INFRA, calendarId));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        JsonNode sla = slaOf(id, admin, s -> s.get("policyVersion").asInt() == 2);
        assertThat(instant(clock(sla, SlaTarget.RESOLUTION), "deadlineAt")).isEqualTo(opened.plusSeconds(600 * 60));
        assertThat(jdbc.queryForObject(
                        "select count(*) from sla_ticket_policy_log where ticket_id = ?",
                        Integer.class,
                        UUID.fromString(id)))
                .as("which policy applied when")
                .isEqualTo(2);
    }

    @Test
    void holidaysComeFromAnICalendarFileAndThePreviewSkipsThem() throws Exception {
        JsonNode desk =
                created(http.json("POST", "/api/v1/sla/calendars", admin, """
                {"name":"%s","zone":"America/Sao_Paulo","alwaysOpen":false,"holidays":[],
                 "hours":[{"day":"THURSDAY","start":"08:00","end":"18:00"},{"day":"FRIDAY","start":"08:00","end":"18:00"},
                          {"day":"MONDAY","start":"08:00","end":"18:00"}]}
                """.formatted("Desk " + UUID.randomUUID())));
        String ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nRRULE:FREQ=YEARLY\r\n"
                + "SUMMARY:Natal\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        HttpResponse<String> imported = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/sla/calendars/"
                                        + desk.get("id").asString() + "/holidays"))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "text/calendar")
                                .POST(HttpRequest.BodyPublishers.ofString(ics))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(TestHttp.parse(imported).get("imported").asInt()).isEqualTo(1);

        JsonNode policy = created(http.json("POST", "/api/v1/sla/policies", admin, """
                {"name":"%s","position":50,"enabled":false,"calendarId":"%s","resolutionMinutes":120,"warningPercent":80}
                """.formatted(
                        "Preview " + UUID.randomUUID(), desk.get("id").asString())));
        // Thu 24 Dec 2026 17:00 −03: 60 minutes on Thursday, Friday is Christmas, Monday 28 at 09:00.
        HttpResponse<String> preview = http.json(
                "GET",
                "/api/v1/sla/policies/" + policy.get("id").asString() + "/preview?at=2026-12-24T20:00:00Z",
                admin,
                null);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(TestHttp.parse(preview).get(0).get("dueAt").asString()).isEqualTo("2026-12-28T12:00:00Z");
    }

    @Test
    void theTicketPageLoadsTheSlaCardInTheViewersLanguageAndAdministratorsSeeTheSlaPage() {
        JsonNode policy = policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        String id = openInfraTicket().get("id").asString();
        slaOf(id, admin, s -> s.get("clocks").size() == 2);
        UserView administrator = users.create(Role.ADMIN);
        TestHttp browser = http();
        browser.login(administrator.email(), TestUsers.PASSWORD);

        HttpResponse<String> portuguese = browser.get("/tickets/" + id + "/sla");
        assertThat(portuguese.statusCode()).as(portuguese.body()).isEqualTo(200);
        assertThat(portuguese.body())
                .contains("Primeira resposta", "No prazo", policy.get("name").asString());
        browser.get("/login?lang=en");
        HttpResponse<String> english = browser.get("/tickets/" + id + "/sla");
        assertThat(english.body()).contains("First response", "In time", "business min left");

        HttpResponse<String> page = browser.get("/admin/sla");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(policy.get("name").asString(), "A ticket opened now is due");

        TestHttp requesterBrowser = http();
        requesterBrowser.login(requester.email(), TestUsers.PASSWORD);
        assertThat(requesterBrowser.get("/admin/sla").statusCode()).isEqualTo(403);
    }

    static final String SUPPORT = "00000000-0000-4000-8000-000000000201";

    /** A policy for every department but infrastructure's tickets (which the "Infra" policy before it takes). */
    private JsonNode slowPolicy(int firstResponseMinutes) {
        return created(http.json("POST", "/api/v1/sla/policies", admin, """
                {"name":"%s","position":20,"enabled":true,"calendarId":"%s","firstResponseMinutes":%d,
                 "resolutionMinutes":%d,"warningPercent":80}
                """.formatted(
                        "Slow " + UUID.randomUUID(), calendarId, firstResponseMinutes, 2 * firstResponseMinutes)));
    }

    private JsonNode openSupportTicket() {
        return created(http.json(
                "POST",
                "/api/v1/tickets",
                requesterToken,
                TicketFixtures.body(TicketFixtures.uniqueTitle("SLA"), SUPPORT)));
    }

    /** The queue's rows (as an administrator) for the query, once {@code until} holds. */
    private JsonNode queue(String query, Predicate<JsonNode> until) {
        return awaitGet("/api/v1/tickets?" + query, admin, page -> until.test(page.get("items")))
                .get("items");
    }

    private static String numbers(JsonNode... tickets) {
        StringBuilder filter = new StringBuilder("(");
        for (JsonNode ticket : tickets) {
            filter.append(filter.length() > 1 ? "|" : "")
                    .append("number=")
                    .append(ticket.get("number").asLong());
        }
        return "filter=" + TestHttp.encode(filter + ")");
    }

    private static java.util.List<Long> numbersOf(JsonNode items) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        items.forEach(item -> out.add(item.get("number").asLong()));
        return out;
    }

    @Test
    void theQueueCarriesTheNearestRunningDeadlineSortsAndFiltersByItAndTheTicketItselfIsUnchanged() {
        policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        slowPolicy(600);
        JsonNode soon = openInfraTicket();
        JsonNode later = openSupportTicket();
        Instant opened = Instant.parse(soon.get("openedAt").asString());

        JsonNode rows = queue(
                numbers(soon),
                items -> items.size() == 1 && !items.get(0).get("slaDueAt").isNull());
        // the first response (60 min) comes before the resolution (480 min)
        assertThat(instant(rows.get(0), "slaDueAt")).isEqualTo(opened.plusSeconds(3600));
        assertThat(rows.get(0).get("slaState").asString()).isEqualTo("RUNNING");
        queue(numbers(later), items -> !items.get(0).get("slaDueAt").isNull());

        // recording the deadline is no change of the ticket: same version (ETag), same update time, no history
        JsonNode now = TestHttp.parse(
                http.json("GET", "/api/v1/tickets/" + soon.get("id").asString(), admin, null));
        assertThat(now.get("version").asLong()).isEqualTo(soon.get("version").asLong());
        assertThat(now.get("updatedAt").asString())
                .isEqualTo(soon.get("updatedAt").asString());
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_history where ticket_id = ? and changed_at > ?",
                        Integer.class,
                        UUID.fromString(soon.get("id").asString()),
                        java.sql.Timestamp.from(
                                Instant.parse(soon.get("updatedAt").asString()))))
                .isZero();

        // breaching within the hour: the infrastructure ticket, not the one due in ten hours
        assertThat(numbersOf(queue(numbers(soon, later) + "&slaDueWithinMinutes=60", items -> true)))
                .containsExactly(soon.get("number").asLong());
        assertThat(numbersOf(
                        queue(numbers(soon, later) + "&slaDueWithinMinutes=700&orderBy=slaDueAt%20asc", i -> true)))
                .containsExactly(
                        soon.get("number").asLong(), later.get("number").asLong());
        assertThat(numbersOf(queue(
                        numbers(soon, later)
                                .replace(
                                        "%29",
                                        "%29%2CslaDueAt%3E"
                                                + TestHttp.encode(
                                                        opened.plusSeconds(7200).toString())),
                        i -> true)))
                .as("Gridify names the deadline too")
                .containsExactly(later.get("number").asLong());

        // waiting for the customer: no running deadline, and the queue says why
        change(
                "POST",
                "/api/v1/tickets/" + soon.get("id").asString() + "/transition",
                "{\"statusId\":\"%s\"}".formatted(WAITING_FOR_CUSTOMER));
        JsonNode paused =
                queue(numbers(soon), items -> items.get(0).get("slaDueAt").isNull());
        assertThat(paused.get(0).get("slaState").asString()).isEqualTo("PAUSED");
        assertThat(numbersOf(queue(numbers(soon, later) + "&slaDueWithinMinutes=700", i -> true)))
                .containsExactly(later.get("number").asLong());
    }

    @Test
    void theQueueSaysInWordsAndColourHowLongIsLeftOrHowLateInTheViewersLanguage() {
        policy("Infra", 10, "\"departmentId\":\"%s\",".formatted(INFRA), 480);
        slowPolicy(600);
        JsonNode soon = openInfraTicket();
        JsonNode late = openSupportTicket();
        UUID lateId = UUID.fromString(late.get("id").asString());
        queue(numbers(late), items -> !items.get(0).get("slaDueAt").isNull());
        // opened eleven hours ago: the first response (ten hours) is an hour late
        jdbc.update("update ticket set opened_at = opened_at - interval '11 hours' where id = ?", lateId);
        jdbc.update(
                "update ticket_history set changed_at = changed_at - interval '11 hours' where ticket_id = ?", lateId);
        clocks.recompute(lateId);
        queue(numbers(soon), items -> !items.get(0).get("slaDueAt").isNull());
        UserView administrator = users.create(Role.ADMIN);
        TestHttp browser = http();
        browser.login(administrator.email(), TestUsers.PASSWORD);

        HttpResponse<String> portuguese = browser.get("/tickets?view=breaching&sort=slaDueAt&dir=asc");
        assertThat(portuguese.statusCode()).as(portuguese.body()).isEqualTo(200);
        String body = portuguese.body();
        assertThat(body).containsPattern("data-sla=\"late\">\\s*<span>Atrasado há 1 h(?: 1 min)?</span>");
        assertThat(body)
                .containsPattern("data-sla=\"soon\">\\s*<span>Faltam (?:59 min|1 h)</span>\\s*"
                        + "<span class=\"badge\">Em risco</span>");
        assertThat(body.indexOf("#" + late.get("number").asLong()))
                .as("the late ticket first")
                .isLessThan(body.indexOf("#" + soon.get("number").asLong()))
                .isPositive();

        browser.get("/login?lang=en");
        String english =
                browser.get("/tickets?view=breaching&sort=slaDueAt&dir=asc").body();
        assertThat(english)
                .containsPattern("<span>Late by 1 h(?: 1 min)?</span>")
                .containsPattern("<span>(?:59 min|1 h) left</span>\\s*<span class=\"badge\">At risk</span>")
                .contains("Breaching within the hour");
    }
}
