package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The ticket rules over the API: lifecycle, overdue, reopen window, catalog consistency, assignment. */
class TicketsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    UserView requester;
    UserView agent;
    String requesterToken;
    String agentToken;

    @BeforeEach
    void people() {
        requester = users.create(Role.USER);
        agent = users.create(Role.SUPPORT);
        jdbc.update(
                "insert into department_agent (department_id, user_id) values (?, ?)",
                UUID.fromString(SUPPORT_DEPARTMENT),
                agent.id());
        requesterToken = users.token(requester);
        agentToken = users.token(agent);
    }

    @Test
    void aNewTicketGetsANumberTheInitialStatusAndTheRequesterFromTheToken() {
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/tickets",
                        requesterToken,
                        body(uniqueTitle("Impressora"), SUPPORT_DEPARTMENT).replace("}", ",\"createdBy\":\"x\"}"));
        assertThat(created.statusCode()).as("unknown fields are refused").isEqualTo(400);

        JsonNode ticket = open(http(), requesterToken, uniqueTitle("Impressora"));
        assertThat(ticket.get("number").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(ticket.get("statusId").asString()).isEqualTo(OPEN);
        assertThat(ticket.get("requesterId").asString())
                .isEqualTo(requester.id().toString());
        assertThat(ticket.get("priority").asString())
                .as("the desk decides the priority, not the requester")
                .isEqualTo("NORMAL");
        JsonNode second = open(http(), requesterToken, uniqueTitle("Outra"));
        assertThat(second.get("number").asLong())
                .isGreaterThan(ticket.get("number").asLong());
    }

    @Test
    void aTicketGoesThroughItsLifecycle() {
        JsonNode ticket = open(http(), requesterToken, uniqueTitle("Sem rede"));
        String path = "/api/v1/tickets/" + ticket.get("id").asString();

        HttpResponse<String> working =
                change(http(), agentToken, "POST", path + "/transition", "{\"statusId\":\"" + IN_PROGRESS + "\"}");
        assertThat(working.statusCode()).as(working.body()).isEqualTo(200);

        HttpResponse<String> resolved =
                change(http(), agentToken, "POST", path + "/resolve", "{\"resolution\":\"Cabo trocado.\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        JsonNode afterResolve = TestHttp.parse(resolved);
        assertThat(afterResolve.get("statusId").asString()).isEqualTo(RESOLVED);
        assertThat(afterResolve.get("resolvedAt").isNull()).isFalse();
        assertThat(afterResolve.get("closed").asBoolean()).isFalse();

        HttpResponse<String> rated =
                change(http(), requesterToken, "POST", path + "/rate", "{\"rating\":5,\"comment\":\"Rápido!\"}");
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(change(http(), requesterToken, "POST", path + "/rate", "{\"rating\":4}")
                        .statusCode())
                .as("rated once")
                .isEqualTo(409);

        HttpResponse<String> closed = change(http(), agentToken, "POST", path + "/close", null);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(TestHttp.parse(closed).get("closed").asBoolean()).isTrue();
        assertThat(TestHttp.parse(closed).get("statusId").asString()).isEqualTo(CLOSED);
        assertThat(change(http(), agentToken, "POST", path + "/close", null).statusCode())
                .as("closing twice")
                .isEqualTo(409);

        HttpResponse<String> history = http().json("GET", path + "/history", requesterToken, null);
        assertThat(TestHttp.parse(history).findValuesAsString("field"))
                .contains("created", "status", "resolution", "rating");
    }

    @Test
    void theRequestersReplyTakesATicketWaitingForTheCustomerBackToWork() {
        JsonNode catalogStatus = TestHttp.parse(
                http().json("GET", "/api/v1/catalog/statuses/" + WAITING_FOR_CUSTOMER, requesterToken, null));
        assertThat(catalogStatus.get("awaitsCustomer").asBoolean()).isTrue();
        assertThat(catalogStatus.get("replyStatusId").asString()).isEqualTo(IN_PROGRESS);

        JsonNode ticket = open(http(), requesterToken, uniqueTitle("Aguardando"));
        String path = "/api/v1/tickets/" + ticket.get("id").asString();
        change(http(), agentToken, "POST", path + "/transition", "{\"statusId\":\"" + WAITING_FOR_CUSTOMER + "\"}");
        http().json("POST", path + "/comments", agentToken, "{\"body\":\"Qual é a sala?\",\"internal\":false}");
        assertThat(status(path)).as("the agent's own reply leaves it waiting").isEqualTo(WAITING_FOR_CUSTOMER);

        HttpResponse<String> reply =
                http().json("POST", path + "/comments", requesterToken, "{\"body\":\"Sala 12\",\"internal\":false}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(status(path)).isEqualTo(IN_PROGRESS);

        JsonNode history = TestHttp.parse(http().json("GET", path + "/history", agentToken, null));
        assertThat(history.valueStream()
                        .filter(entry -> entry.get("field").asString().equals("status"))
                        .filter(entry -> entry.get("oldValue").asString().equals(WAITING_FOR_CUSTOMER))
                        .filter(entry -> entry.get("newValue").asString().equals(IN_PROGRESS))
                        .map(entry -> entry.get("actorId").asString()))
                .as("the move is in the history, by the requester")
                .containsExactly(requester.id().toString());
    }

    @Test
    void aStatusWaitingForTheCustomerNeedsAnOpenStatusToReturnTo() {
        String admin = users.token(users.create(Role.ADMIN));
        String name = uniqueTitle("Espera");
        HttpResponse<String> noTarget = http().json(
                        "POST",
                        "/api/v1/catalog/statuses",
                        admin,
                        "{\"name\":\"" + name + "\",\"awaitsCustomer\":true}");
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(TestHttp.parse(noTarget).get("errors").get(0).get("field").asString())
                .isEqualTo("replyStatusId");
        HttpResponse<String> toFinal = http().json(
                        "POST",
                        "/api/v1/catalog/statuses",
                        admin,
                        "{\"name\":\"" + name + "\",\"awaitsCustomer\":true,\"replyStatusId\":\"" + CLOSED + "\"}");
        assertThat(toFinal.statusCode()).isEqualTo(400);
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/catalog/statuses",
                        admin,
                        "{\"name\":\"" + name + "\",\"awaitsCustomer\":true,\"replyStatusId\":\"" + OPEN + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(TestHttp.parse(created).get("replyStatusId").asString()).isEqualTo(OPEN);
        http().json(
                        "DELETE",
                        "/api/v1/catalog/statuses/"
                                + TestHttp.parse(created).get("id").asString(),
                        admin,
                        null);
    }

    private String status(String path) {
        return TestHttp.parse(http().json("GET", path, agentToken, null))
                .get("statusId")
                .asString();
    }

    @Test
    void aRequesterReopensWithinTheWindowAndAnAgentAtAnyTime() {
        JsonNode ticket = open(http(), requesterToken, uniqueTitle("Reabrir"));
        String path = "/api/v1/tickets/" + ticket.get("id").asString();
        change(http(), agentToken, "POST", path + "/resolve", "{\"resolution\":\"Feito\"}");
        HttpResponse<String> reopened = change(http(), requesterToken, "POST", path + "/reopen", null);
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(TestHttp.parse(reopened).get("statusId").asString()).isEqualTo(OPEN);
        assertThat(TestHttp.parse(reopened).get("resolvedAt").isNull()).isTrue();

        change(http(), agentToken, "POST", path + "/resolve", "{\"resolution\":\"Feito de novo\"}");
        jdbc.update(
                "update ticket set resolved_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(8, ChronoUnit.DAYS)),
                UUID.fromString(ticket.get("id").asString()));
        recountDashboard(jdbc); // the update above went around the application
        assertThat(change(http(), requesterToken, "POST", path + "/reopen", null)
                        .statusCode())
                .as("past the 7-day window")
                .isEqualTo(409);
        assertThat(change(http(), agentToken, "POST", path + "/reopen", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTicketIsOverdueWhenItsDueDatePassedAndItIsNotClosed() {
        JsonNode ticket = open(http(), requesterToken, uniqueTitle("Prazo"));
        String path = "/api/v1/tickets/" + ticket.get("id").asString();
        assertThat(ticket.get("overdue").asBoolean()).isFalse();
        String due = dueInAMoment();
        HttpResponse<String> dated = change(http(), agentToken, "PATCH", path, "{\"dueAt\":\"" + due + "\"}");
        assertThat(dated.statusCode()).as(dated.body()).isEqualTo(200);
        assertThat(TestHttp.parse(dated).get("overdue").asBoolean()).isFalse();
        untilPassed(due);
        HttpResponse<String> late = http().json("GET", path, agentToken, null);
        assertThat(TestHttp.parse(late).get("overdue").asBoolean()).isTrue();
        HttpResponse<String> list = http().json("GET", "/api/v1/tickets?overdue=true&size=100", agentToken, null);
        assertThat(list.body()).contains(ticket.get("id").asString());
        HttpResponse<String> closed = change(http(), agentToken, "POST", path + "/close", null);
        assertThat(TestHttp.parse(closed).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void theSubcategoryMustBelongToTheCategory() {
        String wrong = body(uniqueTitle("Errado"), SUPPORT_DEPARTMENT).replace(COMPUTER, EMAIL);
        HttpResponse<String> response = http().json("POST", "/api/v1/tickets", requesterToken, wrong);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"subcategoryId\"");
    }

    @Test
    void onlyAnEnabledAgentOfTheDepartmentCanBeAssigned() {
        JsonNode ticket = open(http(), requesterToken, uniqueTitle("Atribuir"));
        String path = "/api/v1/tickets/" + ticket.get("id").asString() + "/assign";
        UserView outsider = users.create(Role.SUPPORT);
        HttpResponse<String> refused =
                change(http(), agentToken, "POST", path, "{\"assigneeId\":\"" + outsider.id() + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"assigneeId\"");
        assertThat(change(http(), agentToken, "POST", path, "{\"assigneeId\":\"" + requester.id() + "\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> assigned =
                change(http(), agentToken, "POST", path, "{\"assigneeId\":\"" + agent.id() + "\"}");
        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(TestHttp.parse(assigned).get("assigneeId").asString())
                .isEqualTo(agent.id().toString());
    }

    @Test
    void anAgentOpensATicketOnARequestersBehalfButARequesterCannot() {
        String onBehalf = body(uniqueTitle("Em nome"), SUPPORT_DEPARTMENT)
                .replace("\"priority\"", "\"requesterId\":\"" + requester.id() + "\",\"priority\"");
        HttpResponse<String> byAgent = http().json("POST", "/api/v1/tickets", agentToken, onBehalf);
        assertThat(byAgent.statusCode()).isEqualTo(201);
        assertThat(TestHttp.parse(byAgent).get("requesterId").asString())
                .isEqualTo(requester.id().toString());
        UserView other = users.create(Role.USER);
        String forOther = onBehalf.replace(requester.id().toString(), other.id().toString());
        assertThat(http().json("POST", "/api/v1/tickets", requesterToken, forOther)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theFirstPublicReplyOfAnAgentSetsTheFirstResponseTime() {
        JsonNode ticket = open(http(), requesterToken, uniqueTitle("Resposta"));
        String id = ticket.get("id").asString();
        String comments = "/api/v1/tickets/" + id + "/comments";
        http().json("POST", comments, requesterToken, "{\"body\":\"Alguma novidade?\"}");
        http().json("POST", comments, agentToken, "{\"body\":\"Nota interna\",\"internal\":true}");
        assertThat(TestHttp.parse(http().json("GET", "/api/v1/tickets/" + id, agentToken, null))
                        .get("firstResponseAt")
                        .isNull())
                .isTrue();
        HttpResponse<String> reply = http().json("POST", comments, agentToken, "{\"body\":\"Estamos vendo.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(TestHttp.parse(http().json("GET", "/api/v1/tickets/" + id, agentToken, null))
                        .get("firstResponseAt")
                        .isNull())
                .isFalse();
    }

    @Test
    void anEntryThatTicketsUseCannotBeDeletedButCanBeDisabled() {
        String admin = users.token(users.create(Role.ADMIN));
        HttpResponse<String> type = http().json(
                        "POST", "/api/v1/catalog/ticket-types", admin, "{\"name\":\"" + uniqueTitle("Tipo") + "\"}");
        assertThat(type.statusCode()).as(type.body()).isEqualTo(201);
        String typeId = TestHttp.parse(type).get("id").asString();
        http().json(
                        "POST",
                        "/api/v1/tickets",
                        requesterToken,
                        body(uniqueTitle("Com tipo"), SUPPORT_DEPARTMENT).replace(INCIDENT, typeId));
        HttpResponse<String> refused = http().json("DELETE", "/api/v1/catalog/ticket-types/" + typeId, admin, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(TestHttp.parse(refused).get("tickets").asLong()).isEqualTo(1);
        assertThat(http().json("POST", "/api/v1/catalog/ticket-types/" + typeId + "/disable", admin, null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> withDisabled = http().json(
                        "POST",
                        "/api/v1/tickets",
                        requesterToken,
                        body(uniqueTitle("Tipo desativado"), SUPPORT_DEPARTMENT).replace(INCIDENT, typeId));
        assertThat(withDisabled.statusCode()).isEqualTo(400);
    }
}
