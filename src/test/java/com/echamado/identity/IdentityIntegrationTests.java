package com.echamado.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class IdentityIntegrationTests extends IntegrationTest {

    @Autowired
    UserManagement management;

    @Test
    void meAnswersWithTheUserOfTheToken() {
        UserView agent = users.create(Role.SUPPORT);
        HttpResponse<String> response = http().json("GET", "/api/v1/me", users.token(agent), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = TestHttp.parse(response);
        assertThat(me.get("email").asString()).isEqualTo(agent.email());
        assertThat(me.get("roles").toString()).contains("SUPPORT");
        assertThat(me.has("passwordHash")).isFalse();
    }

    @Test
    void adminCreatesAUserWithAGeneratedOneTimePasswordThatMustBeChanged() {
        String admin = users.token(users.create(Role.ADMIN));
        String email = "new-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/users",
                        admin,
                        "{\"email\":\"" + email + "\",\"fullName\":\"Maria Souza\",\"roles\":[\"SUPPORT\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = TestHttp.parse(created);
        String oneTime = body.get("oneTimePassword").asString();
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
        assertThat(body.get("user").get("mustChangePassword").asBoolean()).isTrue();

        TestHttp browser = http();
        HttpResponse<String> login = browser.login(email.toUpperCase(), oneTime);
        assertThat(TestHttp.location(login)).endsWith("/");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(TestHttp.location(home)).endsWith("/account/password");
    }

    @Test
    void creatingAUserWithAnInvalidBodyAnswersProblemDetailsPerField() {
        String admin = users.token(users.create(Role.ADMIN));
        HttpResponse<String> response =
                http().json("POST", "/api/v1/users", admin, "{\"email\":\"not-an-email\",\"fullName\":\"\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = TestHttp.parse(response);
        assertThat(problem.get("errors").toString()).contains("\"field\":\"email\"", "\"field\":\"fullName\"");
    }

    @Test
    void aRequesterCannotAdministerUsers() {
        String requester = users.token(users.create(Role.USER));
        HttpResponse<String> response = http().json("GET", "/api/v1/users", requester, null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aMissingTokenAnswers401WithWwwAuthenticate() {
        HttpResponse<String> response = http().json("GET", "/api/v1/me", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void theLoginFormSetsAHardenedSessionCookie() {
        UserView user = users.create(Role.USER);
        TestHttp browser = http();
        HttpResponse<String> login = browser.login(user.email(), TestUsers.PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("ECHAMADO_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Lax");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(management.get(user.id()).lastLoginAt()).isNotNull();
    }
}
