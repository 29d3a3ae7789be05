package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Who sees someone else's ticket: a requester never (404, or absent from lists), an agent of another department
 * neither until the ticket is assigned to them, an administrator always.
 */
class TicketsAccessMatrixTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    UserView owner;
    UserView outsider;
    String ownerToken;
    String strangerToken;
    String agentToken;
    String outsiderToken;
    String adminToken;
    String word;
    String id;
    long number;
    String path;
    String replyId;

    @BeforeEach
    void aTicketOfSomeoneElse() {
        owner = users.create(Role.USER);
        UserView agent = users.create(Role.SUPPORT);
        outsider = users.create(Role.SUPPORT);
        joinDepartment(jdbc, agent, SUPPORT_DEPARTMENT);
        joinDepartment(jdbc, outsider, INFRA_DEPARTMENT);
        ownerToken = users.token(owner);
        strangerToken = users.token(users.create(Role.USER));
        agentToken = users.token(agent);
        outsiderToken = users.token(outsider);
        adminToken = users.token(users.create(Role.ADMIN));
        word = uniqueWord();
        JsonNode ticket = open(http(), ownerToken, "Computador " + word);
        id = ticket.get("id").asString();
        number = ticket.get("number").asLong();
        path = "/api/v1/tickets/" + id;
        HttpResponse<String> reply =
                http().json("POST", path + "/comments", ownerToken, "{\"body\":\"Ainda parado " + word + "\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        replyId = TestHttp.parse(reply).get("id").asString();
    }

    @Test
    void aRequesterDoesNotSeeSomeoneElsesTicket() {
        for (String hidden : List.of(path, path + "/comments", path + "/history", "/api/v1/tickets/number/" + number)) {
            assertProblem(get(strangerToken, hidden), 404);
        }
        for (String[] query : searchesFor()) {
            HttpResponse<String> page = list(http(), strangerToken, query);
            assertThat(ids(page)).as(String.join("=", query)).isEmpty();
            assertThat(TestHttp.parse(page).get("total").asLong()).isZero();
        }
    }

    @Test
    void aRequesterCannotCommentOnReopenOrRateSomeoneElsesTicket() {
        assertThat(withETag(agentToken, "POST", path + "/resolve", "{\"resolution\":\"Trocado\"}")
                        .statusCode())
                .isEqualTo(200);
        long version = version();

        assertProblem(http().json("POST", path + "/comments", strangerToken, "{\"body\":\"Intrometido\"}"), 404);
        assertProblem(http().json("PUT", path + "/comments/" + replyId, strangerToken, "{\"body\":\"Mudado\"}"), 404);
        assertProblem(http().json("DELETE", path + "/comments/" + replyId, strangerToken, null), 404);
        assertProblem(withETag(strangerToken, "POST", path + "/reopen", null), 404);
        assertProblem(withETag(strangerToken, "POST", path + "/rate", "{\"rating\":1}"), 404);

        assertThat(version()).as("nothing changed").isEqualTo(version);
        JsonNode comments = TestHttp.parse(get(ownerToken, path + "/comments"));
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("body").asString()).isEqualTo("Ainda parado " + word);
    }

    @Test
    void aRequesterIsForbiddenToWorkTickets() {
        long version = version();
        assertProblem(withETag(strangerToken, "PATCH", path, "{\"title\":\"Outro título\"}"), 404);
        assertProblem(
                withETag(strangerToken, "POST", path + "/transition", "{\"statusId\":\"" + IN_PROGRESS + "\"}"), 403);
        assertProblem(withETag(strangerToken, "POST", path + "/assign", "{\"assigneeId\":null}"), 403);
        assertProblem(withETag(ownerToken, "PATCH", path, "{\"departmentId\":\"" + INFRA_DEPARTMENT + "\"}"), 403);
        assertProblem(withETag(ownerToken, "POST", path + "/assign", "{\"assigneeId\":null}"), 403);
        assertThat(version()).isEqualTo(version);
    }

    @Test
    void theRequesterEditsTheDescriptionOfTheirOwnOpenTicket() {
        HttpResponse<String> edited = withETag(ownerToken, "PATCH", path, "{\"title\":\"Outro título " + word + "\"}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(TestHttp.parse(edited).get("title").asString()).isEqualTo("Outro título " + word);
    }

    @Test
    void anAgentOfAnotherDepartmentDoesNotSeeTheTicketUntilItIsAssignedToThem() {
        for (String hidden : List.of(path, path + "/comments", path + "/history", "/api/v1/tickets/number/" + number)) {
            assertProblem(get(outsiderToken, hidden), 404);
        }
        for (String[] query : searchesFor()) {
            assertThat(ids(list(http(), outsiderToken, query)))
                    .as(String.join("=", query))
                    .doesNotContain(id);
        }
        long version = version();
        assertProblem(http().json("POST", path + "/comments", outsiderToken, "{\"body\":\"Olá\"}"), 404);
        assertProblem(
                http().json("POST", path + "/comments", outsiderToken, "{\"body\":\"Nota\",\"internal\":true}"), 404);
        assertProblem(http().json("PUT", path + "/comments/" + replyId, outsiderToken, "{\"body\":\"X\"}"), 404);
        assertProblem(withETag(outsiderToken, "PATCH", path, "{\"title\":\"Outro título\"}"), 404);
        assertProblem(
                withETag(outsiderToken, "POST", path + "/transition", "{\"statusId\":\"" + IN_PROGRESS + "\"}"), 404);
        assertProblem(
                withETag(outsiderToken, "POST", path + "/assign", "{\"assigneeId\":\"" + outsider.id() + "\"}"), 404);
        assertProblem(withETag(outsiderToken, "POST", path + "/resolve", "{\"resolution\":\"Feito\"}"), 404);
        assertProblem(withETag(outsiderToken, "POST", path + "/close", null), 404);
        assertThat(version()).isEqualTo(version);

        String membership = "/api/v1/departments/" + SUPPORT_DEPARTMENT + "/agents/" + outsider.id();
        assertThat(http().json("PUT", membership, adminToken, null).statusCode())
                .isEqualTo(204);
        assertThat(withETag(agentToken, "POST", path + "/assign", "{\"assigneeId\":\"" + outsider.id() + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http().json("DELETE", membership, adminToken, null).statusCode())
                .isEqualTo(204);

        assertThat(get(outsiderToken, path).statusCode()).isEqualTo(200);
        assertThat(get(outsiderToken, path + "/comments").statusCode()).isEqualTo(200);
        assertThat(ids(list(http(), outsiderToken, "q", word))).containsExactly(id);
        assertThat(ids(list(http(), outsiderToken, "filter", "number=" + number)))
                .containsExactly(id);
    }

    @Test
    void anAgentOfTheDepartmentAndAnAdministratorSeeTheTicket() {
        HttpResponse<String> note =
                http().json("POST", path + "/comments", agentToken, "{\"body\":\"Nota\",\"internal\":true}");
        assertThat(note.statusCode()).isEqualTo(201);
        for (String token : List.of(agentToken, adminToken)) {
            assertThat(get(token, path).statusCode()).isEqualTo(200);
            assertThat(get(token, "/api/v1/tickets/number/" + number).statusCode())
                    .isEqualTo(200);
            assertThat(TestHttp.parse(get(token, path + "/comments"))).hasSize(2);
            assertThat(TestHttp.parse(get(token, path + "/history")).findValuesAsString("field"))
                    .contains("created", "note");
            for (String[] query : searchesFor()) {
                assertThat(ids(list(http(), token, query)))
                        .as(String.join("=", query))
                        .containsExactly(id);
            }
        }
    }

    /** Every way of asking a list for the ticket: full text, number, Gridify filter, typed filter. */
    private List<String[]> searchesFor() {
        return List.of(
                new String[] {"q", word},
                new String[] {"q", "#" + number},
                new String[] {"q", Long.toString(number)},
                new String[] {"filter", "title=*" + word},
                new String[] {"filter", "number=" + number},
                new String[] {"filter", "requester=" + owner.id() + ",number=" + number},
                new String[] {"requester", owner.id().toString(), "filter", "number=" + number});
    }

    private HttpResponse<String> get(String token, String path) {
        return http().json("GET", path, token, null);
    }

    private long version() {
        return TestHttp.parse(get(adminToken, path)).get("version").asLong();
    }

    /** A change carrying the ticket's real current ETag, so that only the caller's rights decide the answer. */
    private HttpResponse<String> withETag(String token, String method, String target, String body) {
        String etag = get(adminToken, path).headers().firstValue("ETag").orElseThrow();
        return http().jsonWithHeader(method, target, token, body, "If-Match", etag);
    }
}
