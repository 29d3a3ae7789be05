package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** ETag and If-Match: of two changes made from the same version one wins, the other gets 412; none is lost. */
class TicketsConcurrentChangesTests extends IntegrationTest {

    static final int PAIRS = 20;

    @Autowired
    JdbcTemplate jdbc;

    String requesterToken;
    String agentToken;

    @BeforeEach
    void people() {
        UserView agent = users.create(Role.SUPPORT);
        joinDepartment(jdbc, agent, SUPPORT_DEPARTMENT);
        requesterToken = users.token(users.create(Role.USER));
        agentToken = users.token(agent);
    }

    @Test
    void ofTwoConcurrentChangesWithTheSameETagExactlyOneWins() {
        List<String> paths = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String path = "/api/v1/tickets/"
                    + open(http(), requesterToken, uniqueTitle("Corrida"))
                            .get("id")
                            .asString();
            paths.add(path);
            etags.add(http().json("GET", path, agentToken, null)
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow());
        }

        List<HttpResponse<String>> answers = atOnce(
                2 * PAIRS,
                i -> http().jsonWithHeader(
                                "PATCH",
                                paths.get(i / 2),
                                agentToken,
                                "{\"title\":\"" + title(i) + "\"}",
                                "If-Match",
                                etags.get(i / 2)));

        for (int pair = 0; pair < PAIRS; pair++) {
            HttpResponse<String> first = answers.get(2 * pair);
            HttpResponse<String> second = answers.get(2 * pair + 1);
            assertThat(List.of(first.statusCode(), second.statusCode()))
                    .as(first.body() + " / " + second.body())
                    .containsExactlyInAnyOrder(200, 412);
            int winner = first.statusCode() == 200 ? 2 * pair : 2 * pair + 1;
            String path = paths.get(pair);
            assertThat(TestHttp.parse(http().json("GET", path, agentToken, null))
                            .get("title")
                            .asString())
                    .isEqualTo(title(winner));
            List<String> titles = TestHttp.parse(http().json("GET", path + "/history", agentToken, null))
                    .findValuesAsString("newValue");
            assertThat(titles).contains(title(winner)).doesNotContain(title(winner ^ 1));
            assertProblem(winner == 2 * pair ? second : first, 412);
        }
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428() {
        String path = "/api/v1/tickets/"
                + open(http(), requesterToken, uniqueTitle("Sem If-Match"))
                        .get("id")
                        .asString();
        assertProblem(http().json("PATCH", path, agentToken, "{\"title\":\"Sem cabeçalho\"}"), 428);
        assertProblem(
                http().json("POST", path + "/transition", agentToken, "{\"statusId\":\"" + IN_PROGRESS + "\"}"), 428);
        assertProblem(http().json("POST", path + "/close", agentToken, null), 428);
        assertThat(TestHttp.parse(http().json("GET", path, agentToken, null))
                        .get("version")
                        .asLong())
                .isZero();
    }

    @Test
    void aChangeWithAStaleETagIsRefusedWith412AndTheNewerChangeStays() {
        String path = "/api/v1/tickets/"
                + open(http(), requesterToken, uniqueTitle("Antigo")).get("id").asString();
        String stale = http().json("GET", path, agentToken, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        HttpResponse<String> first =
                http().jsonWithHeader("PATCH", path, agentToken, "{\"title\":\"Primeira mudança\"}", "If-Match", stale);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(stale);

        assertProblem(
                http().jsonWithHeader("PATCH", path, agentToken, "{\"title\":\"Segunda mudança\"}", "If-Match", stale),
                412);
        assertProblem(
                http().jsonWithHeader(
                                "PATCH", path, agentToken, "{\"title\":\"Terceira mudança\"}", "If-Match", "\"x\""),
                412);
        assertThat(TestHttp.parse(http().json("GET", path, agentToken, null))
                        .get("title")
                        .asString())
                .isEqualTo("Primeira mudança");
        HttpResponse<String> fresh = change(http(), agentToken, "PATCH", path, "{\"title\":\"Segunda mudança\"}");
        assertThat(fresh.statusCode()).isEqualTo(200);
    }

    @Test
    void simultaneousCommentsOnOneTicketAreAllKept() {
        String path = "/api/v1/tickets/"
                + open(http(), requesterToken, uniqueTitle("Conversa"))
                        .get("id")
                        .asString() + "/comments";
        List<HttpResponse<String>> answers = atOnce(
                8,
                i -> http().json(
                                "POST",
                                path,
                                i % 2 == 0 ? requesterToken : agentToken,
                                "{\"body\":\"Mensagem " + i + "\"}"));
        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        assertThat(TestHttp.parse(http().json("GET", path, agentToken, null))).hasSize(8);
    }

    private static String title(int attempt) {
        return "Mudança " + (attempt / 2) + (attempt % 2 == 0 ? " A" : " B");
    }
}
