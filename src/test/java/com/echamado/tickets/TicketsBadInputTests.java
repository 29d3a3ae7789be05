package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whatever the input, the answer is a 400 (or 415) problem, never a 500, and nothing is written. */
class TicketsBadInputTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    UserView requester;
    UserView agent;
    String requesterToken;
    String agentToken;
    String path;
    long written;

    @BeforeEach
    void aTicket() {
        requester = users.create(Role.USER);
        agent = users.create(Role.SUPPORT);
        joinDepartment(jdbc, agent, SUPPORT_DEPARTMENT);
        requesterToken = users.token(requester);
        agentToken = users.token(agent);
        path = "/api/v1/tickets/"
                + open(http(), requesterToken, uniqueTitle("Entrada")).get("id").asString();
        written = written();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(written()).as("tickets, comments, history and versions").isEqualTo(written);
    }

    @Test
    void wrongTypesInATicketAreRefused() {
        String valid = body(uniqueTitle("Tipos"), SUPPORT_DEPARTMENT);
        for (String bad : List.of(
                valid.replace(INCIDENT, "not-a-uuid"),
                valid.replace("\"" + INCIDENT + "\"", "42"),
                valid.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":12345"),
                valid.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":true"),
                valid.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":[\"Lista de títulos\"]"),
                valid.replace("\"A impressora do 2º andar não liga.\"", "{\"texto\":\"objeto\"}"),
                valid.replace("\"HIGH\"", "\"SUPER\""),
                valid.replace("\"HIGH\"", "1"),
                valid.replace("\"HIGH\"", "\"HIGH\",\"dueAt\":\"amanhã\""))) {
            assertProblem(create(bad), 400);
        }
    }

    @Test
    void numbersAndTextAreNotCoercedToBooleans() {
        for (String internal : List.of("123", "1", "0.5", "\"true\"", "\"\"")) {
            assertProblem(comment("{\"body\":\"Olá\",\"internal\":" + internal + "}"), 400);
        }
        assertProblem(change("PATCH", path, "{\"clearDueAt\":1}"), 400);
    }

    @Test
    void emptyStringsInUuidAndDateFieldsAreRefusedNotReadAsNull() {
        String valid = body(uniqueTitle("Vazios"), SUPPORT_DEPARTMENT);
        assertProblem(create(valid.replace(COMPUTER, "")), 400);
        assertProblem(create(valid.replace(INCIDENT, "")), 400);
        assertProblem(create(valid.replace("}", ",\"requesterId\":\"\"}")), 400);
        assertProblem(create(valid.replace("}", ",\"dueAt\":\"\"}")), 400);
        assertProblem(create(valid.replace("}", ",\"dueAt\":\"  \"}")), 400);
        assertProblem(change("PATCH", path, "{\"dueAt\":\"\"}"), 400);
        assertProblem(change("PATCH", path, "{\"typeId\":\"\"}"), 400);
        assertProblem(change("POST", path + "/assign", "{\"assigneeId\":\"\"}"), 400);
    }

    @Test
    void aPastDueDateIsRefusedByPatchAsByPost() {
        String past = "\"dueAt\":\"2020-01-01T00:00:00Z\"";
        // the due date is the desk's: an agent sets it (a requester's is ignored)
        HttpResponse<String> post = http().json(
                        "POST",
                        "/api/v1/tickets",
                        agentToken,
                        body(uniqueTitle("Prazo"), SUPPORT_DEPARTMENT).replace("}", "," + past + "}"));
        HttpResponse<String> patch = change("PATCH", path, "{" + past + "}");
        assertProblem(post, 400);
        assertProblem(patch, 400);
        assertThat(TestHttp.parse(patch).get("errors"))
                .isEqualTo(TestHttp.parse(post).get("errors"));
    }

    @Test
    void oversizedAndUndersizedFieldsAreRefused() {
        assertProblem(create(body("T".repeat(201), SUPPORT_DEPARTMENT)), 400);
        assertProblem(create(body("Curt", SUPPORT_DEPARTMENT)), 400);
        assertProblem(create(body("   ab   ", SUPPORT_DEPARTMENT)), 400);
        assertProblem(create(body(uniqueTitle("Longo"), "HIGH", "d".repeat(10_001))), 400);
        assertProblem(
                create(body(uniqueTitle("Sem descrição"), SUPPORT_DEPARTMENT)
                        .replace(",\"description\":\"A impressora do 2º andar não liga.\"", "")),
                400);
        assertProblem(comment("{\"body\":\"" + "c".repeat(10_001) + "\"}"), 400);
        assertProblem(comment("{\"body\":\"   \"}"), 400);
        assertProblem(change("PATCH", path, "{\"title\":\"" + "T".repeat(201) + "\"}"), 400);
        assertProblem(change("PATCH", path, "{\"title\":\"       \"}"), 400);
        assertProblem(change("PATCH", path, "{\"description\":\"" + "d".repeat(10_001) + "\"}"), 400);
        assertProblem(change("POST", path + "/resolve", "{\"resolution\":\"" + "r".repeat(10_001) + "\"}"), 400);
    }

    @Test
    void unknownFieldsAreRefused() {
        assertProblem(create(body(uniqueTitle("Extra"), SUPPORT_DEPARTMENT).replace("}", ",\"version\":7}")), 400);
        assertProblem(comment("{\"body\":\"Olá\",\"authorId\":\"" + UUID.randomUUID() + "\"}"), 400);
        assertProblem(change("PATCH", path, "{\"statusId\":\"" + CLOSED + "\"}"), 400);
        assertProblem(change("PATCH", path, "{\"requesterId\":\"" + UUID.randomUUID() + "\"}"), 400);
    }

    @Test
    void malformedJsonAndWrongContentTypesAreRefused() {
        assertProblem(create("{\"title\":"), 400);
        assertProblem(create(""), 400);
        assertProblem(create("[]"), 400);
        assertProblem(create("null"), 400);
        assertProblem(create(body(uniqueTitle("Sobra"), SUPPORT_DEPARTMENT) + " {}"), 400);
        assertProblem(
                send("POST", "/api/v1/tickets", "text/plain", body(uniqueTitle("Texto"), SUPPORT_DEPARTMENT)), 415);
        assertProblem(send("POST", path + "/comments", "application/x-www-form-urlencoded", "body=Oi"), 415);
        assertProblem(send("PATCH", path, "application/xml", "<title>Novo título</title>"), 415);
    }

    @Test
    void invalidIdsInPathsAndQueriesAreRefused() {
        for (String target : List.of(
                "/api/v1/tickets/not-a-uuid",
                "/api/v1/tickets/not-a-uuid/comments",
                "/api/v1/tickets/not-a-uuid/history",
                "/api/v1/tickets/number/abc",
                "/api/v1/tickets/number/0",
                "/api/v1/tickets/number/-1",
                "/api/v1/tickets/number/99999999999999999999",
                "/api/v1/tickets?department=abc",
                "/api/v1/tickets?status=abc",
                "/api/v1/tickets?status=" + OPEN + "&status=x",
                "/api/v1/tickets?assignee=1",
                "/api/v1/tickets?requester=" + UUID.randomUUID() + "0")) {
            assertProblem(http().json("GET", target, requesterToken, null), 400);
        }
        assertProblem(http().json("PUT", path + "/comments/xyz", requesterToken, "{\"body\":\"Oi\"}"), 400);
        assertProblem(http().json("DELETE", path + "/comments/xyz", requesterToken, null), 400);
        assertProblem(change("POST", path + "/assign", "{\"assigneeId\":\"abc\"}"), 400);
        assertProblem(change("POST", path + "/transition", "{\"statusId\":\"" + UUID.randomUUID() + "\"}"), 400);
        assertProblem(change("POST", path + "/transition", "{}"), 400);
        assertProblem(create(body(uniqueTitle("Depto"), UUID.randomUUID().toString())), 400);
    }

    @Test
    void pageSizesAndQueryValuesOutOfRangeAreRefused() {
        for (String query : List.of(
                "size=-1",
                "size=0",
                "size=101",
                "size=1000000000000",
                "page=-1",
                "page=10001",
                "page=abc",
                "priority=SUPER",
                "openedFrom=ontem",
                "overdue=talvez",
                "q=" + "q".repeat(201),
                "filter=" + "title=a,".repeat(300) + "title=a")) {
            assertProblem(http().json("GET", "/api/v1/tickets?" + query, requesterToken, null), 400);
        }
        assertThat(http().json("GET", "/api/v1/tickets?size=100&page=10000", requesterToken, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void ratingsOutOfRangeAreRefused() {
        assertThat(change("POST", path + "/resolve", "{\"resolution\":\"Feito\"}")
                        .statusCode())
                .isEqualTo(200);
        written = written();
        for (String rating : List.of(
                "{\"rating\":0}",
                "{\"rating\":6}",
                "{\"rating\":\"cinco\"}",
                "{}",
                "{\"rating\":1.5}",
                "{\"rating\":4.0}",
                "{\"rating\":\"5\"}",
                "{\"rating\":true}")) {
            assertProblem(rate(rating), 400);
        }
        assertProblem(rate("{\"rating\":5,\"comment\":\"" + "x".repeat(2_001) + "\"}"), 400);
    }

    private HttpResponse<String> create(String body) {
        return http().json("POST", "/api/v1/tickets", requesterToken, body);
    }

    private HttpResponse<String> comment(String body) {
        return http().json("POST", path + "/comments", requesterToken, body);
    }

    private HttpResponse<String> rate(String body) {
        return TicketFixtures.change(http(), requesterToken, "POST", path + "/rate", body);
    }

    private HttpResponse<String> change(String method, String target, String body) {
        return TicketFixtures.change(http(), agentToken, method, target, body);
    }

    private HttpResponse<String> send(String method, String target, String contentType, String body) {
        String etag = http().json("GET", path, agentToken, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + target))
                .header("Authorization", "Bearer " + agentToken)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", contentType)
                .header("If-Match", etag)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of everything the requests could have written: tickets, versions, comments, history. */
    private long written() {
        Long sum = jdbc.queryForObject("""
                with mine as (select id, version from ticket where requester_id in (?, ?) or created_by in (?, ?))
                select (select count(*) + coalesce(sum(version), 0) from mine)
                     + (select count(*) from ticket_comment where ticket_id in (select id from mine))
                     + (select count(*) from ticket_history where ticket_id in (select id from mine))
                """, Long.class, requester.id(), agent.id(), requester.id(), agent.id());
        return sum == null ? 0 : sum;
    }
}
