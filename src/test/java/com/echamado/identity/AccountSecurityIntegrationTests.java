package com.echamado.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Lockout, rate limits, registration, password changes and role administration, over real HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class AccountSecurityIntegrationTests extends IntegrationTest {

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdministratorUnlocksIt() {
        UserView user = users.create(Role.USER);
        TestHttp browser = http();
        for (int i = 0; i < 5; i++) {
            assertThat(TestHttp.location(browser.login(user.email(), "wrong-password-" + i)))
                    .endsWith("/login?error");
        }
        assertThat(TestHttp.location(browser.login(user.email(), TestUsers.PASSWORD)))
                .as("the right password is refused while locked")
                .endsWith("/login?error");

        String admin = users.token(users.create(Role.ADMIN));
        HttpResponse<String> unlocked = http().json("POST", "/api/v1/users/" + user.id() + "/unlock", admin, null);
        assertThat(unlocked.statusCode()).isEqualTo(200);
        assertThat(TestHttp.parse(unlocked).get("locked").asBoolean()).isFalse();
        assertThat(TestHttp.location(http().login(user.email(), TestUsers.PASSWORD)))
                .doesNotContain("error", "locked");
    }

    @Test
    void loginsAndLockoutsAreLoggedAsStructuredSecurityEventsWithoutPasswords(CapturedOutput output) {
        UserView user = users.create(Role.USER);
        TestHttp browser = http();
        browser.login(user.email(), "not-the-password-1");
        browser.login(user.email(), TestUsers.PASSWORD);
        assertThat(output.getOut())
                .contains("security event login_failure account=" + user.email())
                .contains("security event login_success userId=" + user.id())
                .doesNotContain("not-the-password-1")
                .doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void tooManyAttemptsForOneAccountAnswer429WithRetryAfter() {
        String email = "nobody-" + UUID.randomUUID() + "@example.test";
        TestHttp browser = http();
        int limit = 8; // echamado.ratelimit.login-per-account in the test profile
        for (int i = 0; i < limit; i++) {
            assertThat(browser.login(email, "whatever-password").statusCode()).isEqualTo(302);
        }
        HttpResponse<String> limited = browser.login(email, "whatever-password");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aRequesterRegistersAndSignsIn() {
        String email = "new-" + UUID.randomUUID() + "@example.test";
        TestHttp browser = http();
        String csrf = TestHttp.csrf(browser.get("/register").body());
        HttpResponse<String> registered = browser.postForm(
                "/register",
                Map.of(
                        "email",
                        email,
                        "fullName",
                        "João da Silva",
                        "password",
                        "ipe-amarelo-floresce-7",
                        "_csrf",
                        csrf));
        assertThat(TestHttp.location(registered)).endsWith("/login?registered");
        assertThat(TestHttp.location(http().login(email, "ipe-amarelo-floresce-7")))
                .doesNotContain("error");
    }

    @Test
    void registrationRefusesACommonPasswordBesideTheField() {
        TestHttp browser = http();
        String csrf = TestHttp.csrf(browser.get("/register").body());
        HttpResponse<String> page = browser.postForm(
                "/register",
                Map.of(
                        "email",
                        "c-" + UUID.randomUUID() + "@example.test",
                        "fullName",
                        "Carla",
                        "password",
                        "password1234",
                        "_csrf",
                        csrf));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("field-error", "Esta senha é comum demais");
    }

    @Test
    void theGeneratedPasswordMustBeChangedBeforeAnythingElse() {
        String admin = users.token(users.create(Role.ADMIN));
        UserView user = users.create(Role.SUPPORT);
        HttpResponse<String> reset = http().json("POST", "/api/v1/users/" + user.id() + "/password-reset", admin, null);
        String oneTime = TestHttp.parse(reset).get("oneTimePassword").asString();

        TestHttp browser = http();
        browser.login(user.email(), oneTime);
        assertThat(TestHttp.location(browser.get("/"))).endsWith("/account/password");
        assertThat(TestHttp.location(browser.get("/oauth2/authorize?response_type=code&client_id=echamado-spa")))
                .as("no authorization while the change is pending")
                .endsWith("/account/password");
        String csrf = TestHttp.csrf(browser.get("/account/password").body());
        HttpResponse<String> changed = browser.postForm(
                "/account/password",
                Map.of("currentPassword", oneTime, "newPassword", "cafe-com-pao-de-queijo-9", "_csrf", csrf));
        assertThat(TestHttp.location(changed)).endsWith("/login?changed");

        TestHttp again = http();
        again.login(user.email(), "cafe-com-pao-de-queijo-9");
        assertThat(again.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void changingThePasswordOverTheApiChecksTheCurrentOne() {
        UserView user = users.create(Role.USER);
        String token = users.token(user);
        HttpResponse<String> wrong = http().json(
                        "POST",
                        "/api/v1/me/password",
                        token,
                        "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"tambem-nao-serve-3x\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"currentPassword\"");
        HttpResponse<String> ok = http().json(
                        "POST",
                        "/api/v1/me/password",
                        token,
                        "{\"currentPassword\":\"" + TestUsers.PASSWORD + "\",\"newPassword\":\"tambem-nao-serve-3x\"}");
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(TestHttp.location(http().login(user.email(), "tambem-nao-serve-3x")))
                .doesNotContain("error");
    }

    @Test
    void anAdministratorChangesRolesAndDisablesAccounts() {
        String admin = users.token(users.create(Role.ADMIN));
        UserView user = users.create(Role.USER);
        HttpResponse<String> roles = http().json(
                        "PUT", "/api/v1/users/" + user.id() + "/roles", admin, "{\"roles\":[\"SUPPORT\",\"USER\"]}");
        assertThat(roles.statusCode()).isEqualTo(200);
        assertThat(TestHttp.parse(roles).get("roles").toString()).contains("SUPPORT", "USER");

        HttpResponse<String> badRole =
                http().json("PUT", "/api/v1/users/" + user.id() + "/roles", admin, "{\"roles\":[\"ROOT\"]}");
        assertThat(badRole.statusCode()).isEqualTo(400);

        assertThat(http().json("POST", "/api/v1/users/" + user.id() + "/disable", admin, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(TestHttp.location(http().login(user.email(), TestUsers.PASSWORD)))
                .endsWith("/login?error");

        HttpResponse<String> search = http().json("GET", "/api/v1/users?q=" + user.email() + "&size=5", admin, null);
        assertThat(TestHttp.parse(search).get("items").get(0).get("enabled").asBoolean())
                .isFalse();
    }

    @Test
    void unknownUsersAnswer404AndBadPagingAnswer400() {
        String admin = users.token(users.create(Role.ADMIN));
        HttpResponse<String> missing = http().json("GET", "/api/v1/users/" + UUID.randomUUID(), admin, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http().json("GET", "/api/v1/users/not-a-uuid", admin, null).statusCode())
                .isEqualTo(400);
        assertThat(http().json("GET", "/api/v1/users?size=1000", admin, null).statusCode())
                .isEqualTo(400);
        assertThat(http().json("POST", "/api/v1/users", admin, "{not json").statusCode())
                .isEqualTo(400);
    }
}
