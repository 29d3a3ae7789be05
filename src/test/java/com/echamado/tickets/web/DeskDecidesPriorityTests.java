package com.echamado.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Priority and due date are the desk's decision: requesters neither see them nor set them, over the pages or the
 * API, until an administrator lets requesters choose the priority on the settings page.
 */
class DeskDecidesPriorityTests extends IntegrationTest {

    private static final String DUE = Instant.now().plus(5, ChronoUnit.DAYS).toString();

    @Test
    void requestersNeitherSeeNorSetPriorityAndDueDateButTheDeskDoes() {
        UserView requester = users.create(Role.USER);
        String token = users.token(requester);
        JsonNode own = open(token, null);
        assertThat(own.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(own.get("dueAt").isNull()).isTrue();

        HttpResponse<String> edit = http().jsonWithHeader(
                        "PATCH",
                        "/api/v1/tickets/" + own.get("id").asString(),
                        token,
                        "{\"priority\":\"URGENT\",\"dueAt\":\"" + DUE + "\"}",
                        "If-Match",
                        "\"" + own.get("version").asLong() + "\"");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        assertThat(TestHttp.parse(edit).get("priority").asString()).isEqualTo("NORMAL");
        assertThat(TestHttp.parse(edit).get("dueAt").isNull()).isTrue();

        UserView agent = users.create(Role.SUPPORT);
        JsonNode forRequester = open(users.token(agent), requester);
        assertThat(forRequester.get("priority").asString()).isEqualTo("URGENT");
        assertThat(Instant.parse(forRequester.get("dueAt").asString())).isEqualTo(Instant.parse(DUE));

        String form = UiFixtures.signIn(http(), requester).get("/tickets/new").body();
        assertThat(form).doesNotContain("id=\"priority\"", "id=\"dueDate\"");
        String agentForm = UiFixtures.signIn(http(), agent).get("/tickets/new").body();
        assertThat(agentForm).contains("id=\"priority\"", "id=\"dueDate\"");
    }

    @Test
    void anAdministratorLetsRequestersChooseThePriority() {
        UserView requester = users.create(Role.USER);
        String token = users.token(requester);
        TestHttp admin = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        try {
            assertThat(setRequestersChoosePriority(admin, true)).contains("checked");
            JsonNode chosen = open(token, null);
            assertThat(chosen.get("priority").asString()).isEqualTo("URGENT");
            assertThat(chosen.get("dueAt").isNull())
                    .as("the due date stays the desk's")
                    .isTrue();
            String form =
                    UiFixtures.signIn(http(), requester).get("/tickets/new").body();
            assertThat(form).contains("id=\"priority\"").doesNotContain("id=\"dueDate\"");
        } finally {
            assertThat(setRequestersChoosePriority(admin, false)).doesNotContain("checked");
        }
        assertThat(open(token, null).get("priority").asString()).isEqualTo("NORMAL");
    }

    /** Flips the switch on the settings page and returns its checkbox as the page shows it afterwards. */
    private static String setRequestersChoosePriority(TestHttp admin, boolean allowed) {
        String csrf = TestHttp.csrf(admin.get("/admin/settings").body());
        Map<String, String> form =
                allowed ? Map.of("_csrf", csrf, "requestersChoosePriority", "true") : Map.of("_csrf", csrf);
        HttpResponse<String> saved = admin.postForm("/admin/settings", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = admin.get("/admin/settings").body();
        String input = page.substring(page.indexOf("id=\"requestersChoosePriority\""));
        return input.substring(0, input.indexOf('>'));
    }

    private JsonNode open(String token, UserView onBehalfOf) {
        String body = """
                {"title":"%s","description":"Sem acesso ao sistema.","typeId":"%s","categoryId":"%s",
                 "departmentId":"%s","priority":"URGENT","dueAt":"%s"%s}
                """.formatted(
                        UiFixtures.unique("Prioridade"),
                        UiFixtures.INCIDENT,
                        UiFixtures.HARDWARE,
                        UiFixtures.SUPPORT_DEPARTMENT,
                        DUE,
                        onBehalfOf == null ? "" : ",\"requesterId\":\"" + onBehalfOf.id() + "\"");
        HttpResponse<String> created = http().json("POST", "/api/v1/tickets", token, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.parse(created);
    }
}
