package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency-Key on creating POSTs: retries replay the first answer, duplicates never create twice. */
class TicketsIdempotencyTests extends IntegrationTest {

    static final int DUPLICATES = 8;

    @Autowired
    JdbcTemplate jdbc;

    UserView requester;
    String requesterToken;

    @BeforeEach
    void people() {
        requester = users.create(Role.USER);
        requesterToken = users.token(requester);
    }

    @Test
    void aRetriedCreateReturnsTheFirstTicket() {
        String key = UUID.randomUUID().toString();
        String title = uniqueTitle("Retentativa");
        HttpResponse<String> first = create(key, title);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        HttpResponse<String> retry = create(key, title);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(idOf(retry)).isEqualTo(idOf(first));
        assertThat(TestHttp.location(retry)).isEqualTo(TestHttp.location(first));
        assertThat(ticketsTitled(title)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() {
        String key = UUID.randomUUID().toString();
        String title = uniqueTitle("Primeiro");
        assertThat(create(key, title).statusCode()).isEqualTo(201);
        String other = uniqueTitle("Segundo");
        assertProblem(create(key, other), 422);
        assertThat(ticketsTitled(other)).isZero();
        assertThat(ticketsTitled(title)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirUser() {
        String key = UUID.randomUUID().toString();
        String title = uniqueTitle("Mesma chave");
        HttpResponse<String> mine = create(key, title);
        HttpResponse<String> theirs = http().jsonWithHeader(
                        "POST",
                        "/api/v1/tickets",
                        users.token(users.create(Role.USER)),
                        body(title, SUPPORT_DEPARTMENT),
                        "Idempotency-Key",
                        key);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(idOf(theirs)).isNotEqualTo(idOf(mine));
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneTicket() {
        String key = UUID.randomUUID().toString();
        String title = uniqueTitle("Duplicado");
        List<HttpResponse<String>> answers = atOnce(DUPLICATES, i -> create(key, title));

        assertOneCreatedOthersInFlight(answers);
        assertThat(ticketsTitled(title)).isEqualTo(1);
    }

    @Test
    void aRetriedCommentIsAddedOnceEvenWhenDuplicatesRace() {
        String path = "/api/v1/tickets/"
                + open(http(), requesterToken, uniqueTitle("Comentário"))
                        .get("id")
                        .asString() + "/comments";
        String key = UUID.randomUUID().toString();
        String text = "Alguma novidade? " + uniqueWord();
        String body = "{\"body\":\"" + text + "\"}";

        List<HttpResponse<String>> answers = atOnce(
                DUPLICATES, i -> http().jsonWithHeader("POST", path, requesterToken, body, "Idempotency-Key", key));
        assertOneCreatedOthersInFlight(answers);

        HttpResponse<String> retry = http().jsonWithHeader("POST", path, requesterToken, body, "Idempotency-Key", key);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertProblem(
                http().jsonWithHeader(
                                "POST", path, requesterToken, "{\"body\":\"Outro texto\"}", "Idempotency-Key", key),
                422);
        assertThat(jdbc.queryForObject("select count(*) from ticket_comment where body = ?", Long.class, text))
                .isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsRefused() {
        String title = uniqueTitle("Chave ruim");
        assertProblem(create("curta", title), 400);
        assertProblem(create("key with spaces in it", title), 400);
        assertThat(ticketsTitled(title)).isZero();
    }

    /** Every answer is the one creation (201, first or replayed) or a 409 while it was still running. */
    private static void assertOneCreatedOthersInFlight(List<HttpResponse<String>> answers) {
        assertThat(answers)
                .extracting(HttpResponse::statusCode)
                .isSubsetOf(201, 409)
                .contains(201);
        assertThat(answers.stream()
                        .filter(a -> a.statusCode() == 201)
                        .map(TicketsIdempotencyTests::idOf)
                        .distinct())
                .hasSize(1);
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> assertProblem(a, 409));
    }

    private HttpResponse<String> create(String key, String title) {
        return http().jsonWithHeader(
                        "POST",
                        "/api/v1/tickets",
                        requesterToken,
                        body(title, SUPPORT_DEPARTMENT),
                        "Idempotency-Key",
                        key);
    }

    private long ticketsTitled(String title) {
        return jdbc.queryForObject("select count(*) from ticket where title = ?", Long.class, title);
    }

    private static String idOf(HttpResponse<String> response) {
        return TestHttp.parse(response).get("id").asString();
    }
}
