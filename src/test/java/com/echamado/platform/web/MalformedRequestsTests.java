package com.echamado.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Whatever a client gets wrong in the request itself (media type, encoding, characters the database cannot store,
 * what the firewall or Tomcat refuse) is a 4xx problem on the API, never a 500, Boot's JSON, an HTML page or an empty
 * body, and it leaves no error or stack trace in the log.
 */
class MalformedRequestsTests extends IntegrationTest {

    private static final String TICKET = TestHttp.NEW_TICKET.formatted("Entrada malformada");

    RawHttp raw;
    String admin;
    String requester;
    CapturedLogs logs;

    @BeforeEach
    void clients() {
        raw = new RawHttp(port);
        admin = users.token(users.create(Role.ADMIN));
        requester = users.token(users.create(Role.USER));
        logs = CapturedLogs.capture();
    }

    @AfterEach
    void nothingBuriesRealFailures() {
        logs.close();
        assertThat(logs.errorsAndStackTraces())
                .as("errors and stack traces logged")
                .isEmpty();
    }

    @Test
    void wildcardAndUnparsableContentTypesAre415() {
        for (String type : List.of("*/*", "application/*", "*/json", "*", "json", "application/")) {
            for (String target : List.of("/api/v1/tickets", "/api/v1/webhooks", "/api/v1/catalog/departments")) {
                RawHttp.Answer answer = send("POST", target, admin, type, TICKET);
                assertProblem(answer, 415);
            }
        }
    }

    @Test
    void aBlankClientIdIsNoClient() {
        assertProblem(send("GET", "/api/v1/clients/%20", admin, null, null), 404);
        assertProblem(send("DELETE", "/api/v1/clients/%20", admin, null, null), 404);
        assertProblem(send("GET", "/api/v1/clients/%20%20", admin, null, null), 404);
    }

    @Test
    void theNulCharacterIsA400NamingTheField() {
        assertField(send("GET", "/api/v1/tickets?q=a%00b", requester, null, null), "q");
        assertField(send("GET", "/api/v1/tickets?orderBy=%00", requester, null, null), "orderBy");
        assertField(
                send("POST", "/api/v1/tickets", requester, "application/json", TICKET.replace("malformada", "\\u0000")),
                "title");
        assertField(
                send(
                        "POST",
                        "/api/v1/catalog/departments",
                        admin,
                        "application/json",
                        "{\"name\":\"Depto\\u0000\",\"description\":\"x\"}"),
                "name");
    }

    @Test
    void datesBeyondTheYear9999AreA400NamingTheField() {
        String dueAt = TICKET.replace("\"description\"", "\"dueAt\":\"+300000-01-01T00:00:00Z\",\"description\"");
        assertField(send("POST", "/api/v1/tickets", requester, "application/json", dueAt), "dueAt");
        assertField(
                send("GET", "/api/v1/tickets?openedFrom=%2B300000-01-01T00:00:00Z", requester, null, null),
                "openedFrom");
        assertField(send("GET", "/api/v1/tickets?dueTo=-300000-01-01T00:00:00Z", requester, null, null), "dueTo");
        assertField(
                send("GET", "/api/v1/tickets?filter=openedAt%3E%2B300000-01-01T00:00:00Z", requester, null, null),
                "filter");
    }

    @Test
    void whatTheFirewallOrTomcatRefusesIsAProblem() {
        for (String target : List.of(
                "/api/v1/tickets/%2e%2e/x",
                "/api/v1/tickets/%2E%2E",
                "/api//tickets",
                "/api/v1/tickets;jsessionid=1",
                "/api/v1/tickets/a%3Bb",
                "/api/v1/tickets/a%2Fb",
                "/api/v1/tickets/a%5Cb",
                "/api/v1/tickets/a%25b",
                "/api/v1/tickets/%zz",
                "/api/v1/tickets/%C3%28",
                "/api/v1/tickets/a%00b",
                "/api/v1/tickets?q=%zz",
                "/api/v1/tickets?q=%C3%28",
                "/api/v1/tickets?q=%",
                "/api/v1/tickets?%C3=1")) {
            assertClientProblem(send("GET", target, requester, null, null));
        }
        String invalidUtf8 = new String(new byte[] {'q', '=', (byte) 0xC3, '('}, StandardCharsets.ISO_8859_1);
        assertClientProblem(send("GET", "/api/v1/tickets?" + invalidUtf8, requester, null, null));
        assertClientProblem(send("GET", "/api/v1/tic{kets", requester, null, null));
        for (String method : List.of("FOO", "TRACE", "CONNECT", "PROPFIND")) {
            assertClientProblem(send(method, "/api/v1/tickets", requester, null, null));
        }
    }

    @Test
    void malformedFormsAndPathsOfPagesGetTheErrorPage() {
        RawHttp.Answer page = raw.send("GET", "/login?x=%zz", Map.of("Accept", "text/html"), (byte[]) null);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).doesNotContain("Exception");
    }

    private RawHttp.Answer send(String method, String target, String token, String contentType, String body) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json, application/problem+json");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return raw.send(method, target, headers, body);
    }

    private static void assertClientProblem(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertProblem(answer, answer.status());
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        JsonNode problem = TestHttp.JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).as(answer.toString()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");
    }

    private static void assertField(RawHttp.Answer answer, String field) {
        assertProblem(answer, 400);
        JsonNode errors = TestHttp.JSON.readTree(answer.body()).get("errors");
        assertThat(errors).as(answer.toString()).isNotNull();
        assertThat(errors.findValuesAsString("field")).as(answer.toString()).contains(field);
    }
}
