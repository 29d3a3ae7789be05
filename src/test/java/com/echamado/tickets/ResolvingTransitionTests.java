package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Moving a ticket to the resolving status is resolving it: the solution text is required there too. */
class ResolvingTransitionTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTransitionToTheResolvingStatusNeedsTheSolutionAndThenResolves() {
        UserView agent = users.create(Role.SUPPORT);
        jdbc.update(
                "insert into department_agent (department_id, user_id) values (?, ?)",
                UUID.fromString(SUPPORT_DEPARTMENT),
                agent.id());
        String agentToken = users.token(agent);
        JsonNode ticket = open(http(), users.token(users.create(Role.USER)), uniqueTitle("Sem solução"));
        String path = "/api/v1/tickets/" + ticket.get("id").asString();

        HttpResponse<String> bare =
                change(http(), agentToken, "POST", path + "/transition", "{\"statusId\":\"" + RESOLVED + "\"}");
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(400);
        assertThat(bare.body()).contains("\"field\":\"resolution\"");
        assertThat(TestHttp.parse(http().json("GET", path, agentToken, null))
                        .get("resolvedAt")
                        .isNull())
                .isTrue();

        HttpResponse<String> resolved = change(
                http(),
                agentToken,
                "POST",
                path + "/transition",
                "{\"statusId\":\"" + RESOLVED + "\",\"resolution\":\"Toner trocado.\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        JsonNode after = TestHttp.parse(resolved);
        assertThat(after.get("statusId").asString()).isEqualTo(RESOLVED);
        assertThat(after.get("resolution").asString()).isEqualTo("Toner trocado.");
        assertThat(after.get("resolvedAt").isNull()).isFalse();
    }
}
