package com.echamado.identity.authserver;

import static com.echamado.identity.authserver.OAuthSteps.SPA;
import static com.echamado.identity.authserver.OAuthSteps.SPA_CALLBACK;
import static com.echamado.identity.authserver.OAuthSteps.error;
import static com.echamado.identity.authserver.OAuthSteps.exchange;
import static com.echamado.identity.authserver.OAuthSteps.refresh;
import static com.echamado.identity.authserver.OAuthSteps.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.echamado.identity.PasswordChange;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.identity.authserver.OAuthSteps.Pkce;
import com.echamado.identity.authserver.OAuthSteps.Tokens;
import com.echamado.identity.authserver.OAuthSteps.Trip;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Ending a user's access at one replica (A, this test's application) ends it at the other (B) as well: the next
 * refresh answers invalid_grant, the browser session is signed out, and a bearer token already issued is refused
 * within B's check interval (2 s here, 30 s by default). Also: logout and revocation by the public client end a
 * grant, and a refused refresh request leaves the refresh token usable.
 */
@TestPropertySource(properties = "echamado.identity.issuer=" + AuthorizationServerReplicaTests.ISSUER)
class AccessRevocationTests extends IntegrationTest {

    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

    private static SecondReplica replicaB;

    @BeforeAll
    static void startReplicaB() {
        replicaB = SecondReplica.start(
                AuthorizationServerReplicaTests.ISSUER,
                "--echamado.identity.revocation-check-interval=" + CHECK_INTERVAL.toSeconds() + "s");
    }

    @AfterAll
    static void stopReplicaB() {
        if (replicaB != null) {
            replicaB.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "password-reset"})
    void disablingOrResettingTheirPasswordAtOneReplicaEndsTheUsersGrantsSessionsAndTokensAtTheOther(String action) {
        UserView user = users.create(Role.USER);
        SignedIn signedIn = signIn(user);
        assertWorksAtB(signedIn);

        assertThat(asAdmin("POST", "/api/v1/users/" + user.id() + "/" + action, null))
                .isEqualTo(200);

        assertEndedAtB(signedIn);
    }

    @Test
    void demotingAnAgentEndsTheSessionsAndTokensThatCarryTheOldRole() {
        UserView agent = users.create(Role.SUPPORT);
        SignedIn signedIn = signIn(agent);
        assertWorksAtB(signedIn);
        assertThat(OAuthSteps.strings(
                        OAuthSteps.claims(signedIn.tokens().access()).get("roles")))
                .containsExactly("SUPPORT");

        assertThat(asAdmin("PUT", "/api/v1/users/" + agent.id() + "/roles", "{\"roles\":[\"USER\"]}"))
                .isEqualTo(200);

        assertEndedAtB(signedIn);
        SignedIn again = signIn(agent);
        assertThat(OAuthSteps.strings(OAuthSteps.claims(again.tokens().access()).get("roles")))
                .as("signed in again: the new role")
                .containsExactly("USER");
    }

    @Test
    void anAccountLockedByFailedSignInsLosesItsGrantsSessionsAndTokensOnEveryReplica() {
        UserView user = users.create(Role.USER);
        SignedIn signedIn = signIn(user);
        assertWorksAtB(signedIn);

        for (int i = 0; i < 5; i++) {
            assertThat(TestHttp.location(http().login(user.email(), "not-the-password-" + i)))
                    .contains("/login?");
        }

        assertEndedAtB(signedIn);
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherGrantsAndSessionsButNotTheGrantItWasChangedFrom() {
        UserView user = users.create(Role.USER);
        SignedIn current = signIn(user);
        SignedIn other = signIn(user);
        assertWorksAtB(current);
        assertWorksAtB(other);

        HttpResponse<String> changed = http().json(
                        "POST",
                        "/api/v1/me/password",
                        current.tokens().access(),
                        "{\"currentPassword\":\"" + TestUsers.PASSWORD
                                + "\",\"newPassword\":\"outra-senha-bem-longa-7\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);

        assertEndedAtB(other);
        assertThat(bearerAt(replicaB.http(), current.tokens().access()))
                .as("the token the password was changed with, after B re-read the cutoff")
                .isEqualTo(200);
        Tokens refreshed = tokens(refresh(replicaB.http(), SPA, current.tokens().refresh()));
        assertThat(bearerAt(replicaB.http(), refreshed.access())).isEqualTo(200);
    }

    @Test
    void rpInitiatedLogoutRevokesTheRefreshTokenOfThatSessionsGrant() {
        SignedIn signedIn = signIn(users.create(Role.USER));

        HttpResponse<String> logout = signedIn.browser()
                .get("/connect/logout?"
                        + OAuthSteps.encode(
                                Map.of("id_token_hint", signedIn.tokens().id())));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);

        HttpResponse<String> refused =
                refresh(replicaB.http(), SPA, signedIn.tokens().refresh());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(error(refused)).isEqualTo("invalid_grant");
    }

    @Test
    void thePublicClientRevokesItsOwnRefreshTokenWithItsClientIdAlone() {
        SignedIn signedIn = signIn(users.create(Role.USER));

        HttpResponse<String> revoked = http().postForm(
                        "/oauth2/revoke",
                        Map.of(
                                "token",
                                signedIn.tokens().refresh(),
                                "token_type_hint",
                                "refresh_token",
                                "client_id",
                                SPA));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        HttpResponse<String> refused =
                refresh(replicaB.http(), SPA, signedIn.tokens().refresh());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(error(refused)).isEqualTo("invalid_grant");
    }

    @Test
    void anotherClientCannotRevokeThePublicClientsToken() {
        SignedIn signedIn = signIn(users.create(Role.USER));
        String otherClient = registerOtherPublicClient();

        HttpResponse<String> refused = http().postForm(
                        "/oauth2/revoke", Map.of("token", signedIn.tokens().refresh(), "client_id", otherClient));
        assertThat(refused.statusCode()).isBetween(400, 401);

        assertThat(refresh(http(), SPA, signedIn.tokens().refresh()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRefreshRefusedForAnUnknownScopeOrAnotherClientLeavesTheRefreshTokenUsable() {
        SignedIn signedIn = signIn(users.create(Role.USER));
        String otherClient = registerOtherPublicClient();

        HttpResponse<String> unknownScope = http().postForm(
                        "/oauth2/token",
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "refresh_token",
                                signedIn.tokens().refresh(),
                                "client_id",
                                SPA,
                                "scope",
                                "openid api admin"));
        assertThat(unknownScope.statusCode()).isEqualTo(400);
        assertThat(error(unknownScope)).isEqualTo("invalid_scope");
        HttpResponse<String> wrongClient =
                refresh(http(), otherClient, signedIn.tokens().refresh());
        assertThat(wrongClient.statusCode()).isBetween(400, 401);

        Tokens refreshed =
                tokens(refresh(replicaB.http(), SPA, signedIn.tokens().refresh()));
        assertThat(refresh(http(), SPA, refreshed.refresh()).statusCode())
                .as("the grant was not revoked")
                .isEqualTo(200);
    }

    /** A browser signed in at A through the public client, and the tokens it got. */
    private record SignedIn(TestHttp browser, Tokens tokens) {}

    private SignedIn signIn(UserView user) {
        TestHttp browser = http();
        Pkce pkce = Pkce.create();
        Trip trip = OAuthSteps.authorizeSpa(browser, user, pkce);
        return new SignedIn(browser, tokens(exchange(http(), SPA, trip.code(), SPA_CALLBACK, pkce)));
    }

    /** At B: the token is accepted and the session shows a page (B also keeps the user's cutoff from now on). */
    private static void assertWorksAtB(SignedIn signedIn) {
        assertThat(bearerAt(replicaB.http(), signedIn.tokens().access())).isEqualTo(200);
        assertThat(pageAt(replicaB, signedIn.browser())).isEqualTo(200);
    }

    private void assertEndedAtB(SignedIn signedIn) {
        HttpResponse<String> refused =
                refresh(replicaB.http(), SPA, signedIn.tokens().refresh());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(error(refused)).isEqualTo("invalid_grant");
        assertThat(pageAt(replicaB, signedIn.browser()))
                .as("the session was deleted from the shared store")
                .isEqualTo(302);
        assertThat(bearerAt(http(), signedIn.tokens().access()))
                .as("at A, which ended the access: at once")
                .isEqualTo(401);
        await().atMost(CHECK_INTERVAL.plusSeconds(3))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                bearerAt(replicaB.http(), signedIn.tokens().access()))
                        .as("at B: within its check interval")
                        .isEqualTo(401));
    }

    private static int bearerAt(TestHttp replica, String token) {
        return replica.json("GET", "/api/v1/me", token, null).statusCode();
    }

    private static int pageAt(SecondReplica replica, TestHttp browser) {
        HttpResponse<String> page = browser.get(replica.baseUrl() + PasswordChange.PAGE, "Accept", "text/html");
        if (page.statusCode() == 302) {
            assertThat(TestHttp.location(page)).endsWith("/login");
        }
        return page.statusCode();
    }

    private int asAdmin(String method, String path, String body) {
        // a token of this issuer (TestUsers' tokens name none, and A checks the issuer)
        String admin = signIn(users.create(Role.ADMIN)).tokens().access();
        HttpResponse<String> response = http().json(method, path, admin, body);
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response.statusCode();
    }

    private String registerOtherPublicClient() {
        String clientId = "other-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"clientId\":\"" + clientId + "\",\"name\":\"Other app\",\"type\":\"PUBLIC\","
                + "\"redirectUris\":[\"http://127.0.0.1:6000/cb\"],\"scopes\":[\"openid\",\"api\"],"
                + "\"requireConsent\":false}";
        assertThat(asAdmin("POST", "/api/v1/clients", body)).isEqualTo(201);
        return clientId;
    }
}
