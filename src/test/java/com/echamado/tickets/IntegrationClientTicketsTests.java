package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An integration as the README describes it: a confidential client registered by an administrator with a role and
 * departments, which obtains its own client_credentials token and works tickets over HTTP within that scope only.
 */
class IntegrationClientTicketsTests extends IntegrationTest {

    @Test
    void anIntegrationWithTheSupportRoleOpensAndCommentsTicketsOfItsDepartmentAndNoOthers() {
        String admin = users.token(users.create(Role.ADMIN));
        String clientId = "monitoramento-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered =
                register(admin, clientId, "\"role\":\"SUPPORT\",\"departments\":[\"" + SUPPORT_DEPARTMENT + "\"]");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode shown = TestHttp.parse(http().json("GET", "/api/v1/clients/" + clientId, admin, null));
        assertThat(shown.get("role").asString()).isEqualTo("SUPPORT");
        assertThat(shown.get("departments").get(0).asString()).isEqualTo(SUPPORT_DEPARTMENT);
        String token = clientToken(
                clientId, TestHttp.parse(registered).get("clientSecret").asString());

        HttpResponse<String> opened = http().json(
                        "POST",
                        "/api/v1/tickets",
                        token,
                        body(uniqueTitle("Disco cheio no servidor"), SUPPORT_DEPARTMENT));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String path = "/api/v1/tickets/" + TestHttp.parse(opened).get("id").asString();
        HttpResponse<String> comment =
                http().json("POST", path + "/comments", token, "{\"body\":\"Uso em 97%\",\"internal\":true}");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
        assertThat(http().json("GET", path + "/comments", users.token(users.create(Role.ADMIN)), null)
                        .body())
                .contains("Uso em 97%");

        HttpResponse<String> other = http().json(
                        "POST",
                        "/api/v1/tickets",
                        users.token(users.create(Role.USER)),
                        body(uniqueTitle("VPN"), INFRA_DEPARTMENT));
        String elsewhere = TestHttp.parse(other).get("id").asString();
        assertThat(http().json("GET", "/api/v1/tickets/" + elsewhere, token, null)
                        .statusCode())
                .as("a ticket of another department")
                .isEqualTo(404);
        assertThat(http().json(
                                "POST",
                                "/api/v1/tickets/" + elsewhere + "/comments",
                                token,
                                "{\"body\":\"Olá\",\"internal\":false}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aClientWithoutARoleWorksNoTicketsAndSupportNeedsDepartments() {
        String admin = users.token(users.create(Role.ADMIN));
        String clientId = "sem-papel-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = register(admin, clientId, "\"role\":null");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = clientToken(
                clientId, TestHttp.parse(registered).get("clientSecret").asString());
        assertThat(http().json("POST", "/api/v1/tickets", token, body(uniqueTitle("Sem papel"), SUPPORT_DEPARTMENT))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> unscoped = register(admin, clientId + "-b", "\"role\":\"SUPPORT\"");
        assertThat(unscoped.statusCode()).isEqualTo(400);
        assertThat(TestHttp.parse(unscoped).get("errors").get(0).get("field").asString())
                .isEqualTo("departments");
    }

    private HttpResponse<String> register(String admin, String clientId, String scope) {
        return http().json(
                        "POST",
                        "/api/v1/clients",
                        admin,
                        "{\"clientId\":\"" + clientId + "\",\"name\":\"Monitoramento\",\"type\":\"CONFIDENTIAL\","
                                + "\"grantTypes\":[\"client_credentials\"],\"scopes\":[\"api\"]," + scope + "}");
    }

    private String clientToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = http().postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials", "scope", "api"),
                        "Authorization",
                        "Basic " + basic);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return TestHttp.parse(issued).get("access_token").asString();
    }
}
