package com.echamado.comments;

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

/** Internal notes reach agents and administrators only: not through comments, history, search or note ids. */
class CommentsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    String requesterToken;
    String agentToken;
    String adminToken;
    String id;
    String path;
    String secret;
    String replyWord;
    String noteId;
    String replyId;

    @BeforeEach
    void aTicketWithANoteAndAReply() {
        UserView agent = users.create(Role.SUPPORT);
        joinDepartment(jdbc, agent, SUPPORT_DEPARTMENT);
        requesterToken = users.token(users.create(Role.USER));
        agentToken = users.token(agent);
        adminToken = users.token(users.create(Role.ADMIN));
        id = open(http(), requesterToken, uniqueTitle("Nota interna")).get("id").asString();
        path = "/api/v1/tickets/" + id;
        secret = uniqueWord();
        replyWord = uniqueWord();
        noteId = comment(agentToken, "{\"body\":\"Senha do roteador " + secret + "\",\"internal\":true}");
        replyId = comment(agentToken, "{\"body\":\"Vamos trocar o cabo " + replyWord + "\"}");
    }

    @Test
    void theRequesterSeesRepliesButNoNotes() {
        JsonNode mine = TestHttp.parse(get(requesterToken, path + "/comments"));
        assertThat(mine.findValuesAsString("id")).containsExactly(replyId);
        assertThat(mine.toString()).doesNotContain(secret).doesNotContain(noteId);

        JsonNode staff = TestHttp.parse(get(agentToken, path + "/comments"));
        assertThat(staff.findValuesAsString("id")).containsExactly(noteId, replyId);
    }

    @Test
    void theRequestersHistoryLeavesNotesOutEvenWhenEditedOrDeleted() {
        String edited = uniqueWord();
        assertThat(http().json("PUT", path + "/comments/" + noteId, agentToken, "{\"body\":\"Nova " + edited + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http().json("DELETE", path + "/comments/" + noteId, agentToken, null)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> history = get(requesterToken, path + "/history");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(TestHttp.parse(history).findValuesAsString("field"))
                .contains("created", "reply")
                .doesNotContain("note", "noteEdited", "noteDeleted");
        assertThat(history.body()).doesNotContain(secret).doesNotContain(edited).doesNotContain(noteId);

        assertThat(TestHttp.parse(get(agentToken, path + "/history")).findValuesAsString("field"))
                .contains("note", "noteEdited", "noteDeleted", "reply");
    }

    @Test
    void searchFindsWordsOfRepliesButNeverWordsOfNotes() {
        for (String token : List.of(requesterToken, agentToken, adminToken)) {
            assertThat(ids(list(http(), token, "q", secret))).isEmpty();
            assertThat(ids(list(http(), token, "q", replyWord))).containsExactly(id);
        }
        String edited = uniqueWord();
        http().json("PUT", path + "/comments/" + noteId, agentToken, "{\"body\":\"Nova " + edited + "\"}");
        assertThat(ids(list(http(), agentToken, "q", edited))).isEmpty();

        http().json("DELETE", path + "/comments/" + replyId, agentToken, null);
        assertThat(ids(list(http(), requesterToken, "q", replyWord)))
                .as("a deleted reply is no longer searched")
                .isEmpty();
    }

    @Test
    void aRequesterCannotReachANoteByItsId() {
        assertProblem(http().json("PUT", path + "/comments/" + noteId, requesterToken, "{\"body\":\"Trocado\"}"), 404);
        assertProblem(http().json("DELETE", path + "/comments/" + noteId, requesterToken, null), 404);
        assertProblem(
                http().json("POST", path + "/comments", requesterToken, "{\"body\":\"Minha nota\",\"internal\":true}"),
                403);
        JsonNode staff = TestHttp.parse(get(agentToken, path + "/comments"));
        assertThat(staff.get(0).get("body").asString()).isEqualTo("Senha do roteador " + secret);
        assertThat(staff).hasSize(2);
    }

    private String comment(String token, String body) {
        HttpResponse<String> response = http().json("POST", path + "/comments", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.parse(response).get("id").asString();
    }

    private HttpResponse<String> get(String token, String target) {
        return http().json("GET", target, token, null);
    }
}
