package com.echamado.identity.authserver;

import static com.echamado.identity.authserver.OAuthSteps.SPA;
import static com.echamado.identity.authserver.OAuthSteps.SPA_CALLBACK;
import static com.echamado.identity.authserver.OAuthSteps.authorize;
import static com.echamado.identity.authserver.OAuthSteps.authorizeUrl;
import static com.echamado.identity.authserver.OAuthSteps.claims;
import static com.echamado.identity.authserver.OAuthSteps.error;
import static com.echamado.identity.authserver.OAuthSteps.exchange;
import static com.echamado.identity.authserver.OAuthSteps.refresh;
import static com.echamado.identity.authserver.OAuthSteps.strings;
import static com.echamado.identity.authserver.OAuthSteps.tokens;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import tools.jackson.databind.JsonNode;

/**
 * The issuer's flows, driven over real HTTP like a browser and a client would: authorization code with PKCE through
 * the login form and the consent page, code exchange, userinfo, refresh rotation with reuse detection, the refresh
 * token's absolute lifetime, and RP-initiated logout.
 */
class AuthorizationServerFlowTests extends IntegrationTest {

    @Autowired
    RegisteredClientRepository registeredClients;

    @Test
    void theFirstPartyPublicClientGetsAccessIdAndRefreshTokensThroughLoginAndPkce() {
        UserView user = users.create(Role.SUPPORT);
        TestHttp browser = http();
        Pkce pkce = Pkce.create();
        String state = UUID.randomUUID().toString();

        HttpResponse<String> unauthenticated = browser.get(
                authorizeUrl(SPA, SPA_CALLBACK, "openid profile email api", state, pkce), "Accept", "text/html");
        assertThat(unauthenticated.statusCode()).isEqualTo(302);
        assertThat(TestHttp.location(unauthenticated)).endsWith("/login");

        Trip trip = authorize(
                browser,
                authorizeUrl(SPA, SPA_CALLBACK, "openid profile email api", state, pkce),
                SPA_CALLBACK,
                user.email(),
                TestUsers.PASSWORD);
        assertThat(trip.loginShown()).isTrue();
        assertThat(trip.consentShown())
                .as("first-party client: no consent page")
                .isFalse();
        assertThat(trip.callback()).startsWith(SPA_CALLBACK + "?");
        assertThat(trip.params()).containsEntry("state", state).containsEntry("iss", issuer());

        Tokens tokens = tokens(exchange(http(), SPA, trip.code(), SPA_CALLBACK, pkce));
        assertThat(tokens.body().get("token_type").asString()).isEqualToIgnoringCase("Bearer");
        assertThat(tokens.refresh()).isNotBlank();
        JsonNode access = claims(tokens.access());
        assertThat(access.get("sub").asString()).isEqualTo(user.id().toString());
        assertThat(access.get("iss").asString()).isEqualTo(issuer());
        assertThat(strings(access.get("aud"))).contains("echamado-api");
        assertThat(strings(access.get("roles"))).containsExactly("SUPPORT");
        assertThat(strings(access.get("scope"))).contains("openid", "api");
        JsonNode id = claims(tokens.id());
        assertThat(id.get("sub").asString()).isEqualTo(user.id().toString());
        assertThat(strings(id.get("aud"))).containsExactly(SPA);
        assertThat(id.get("email").asString()).isEqualTo(user.email());

        HttpResponse<String> userInfo = http().json("GET", "/userinfo", tokens.access(), null);
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        JsonNode info = TestHttp.parse(userInfo);
        assertThat(info.get("sub").asString()).isEqualTo(user.id().toString());
        assertThat(info.get("email").asString()).isEqualTo(user.email());
        assertThat(strings(info.get("roles"))).containsExactly("SUPPORT");

        HttpResponse<String> me = http().json("GET", "/api/v1/me", tokens.access(), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestHttp.parse(me).get("email").asString()).isEqualTo(user.email());
    }

    @Test
    void aThirdPartyPublicClientRegisteredByAnAdminAsksForConsentBeforeIssuingACode() {
        String clientId = "third-party-" + UUID.randomUUID().toString().substring(0, 8);
        String callback = "http://127.0.0.1:4000/" + clientId + "/cb";
        registerPublicClient(clientId, callback, null, true);
        UserView user = users.create(Role.USER);
        TestHttp browser = http();
        Pkce pkce = Pkce.create();

        Trip trip = authorize(
                browser,
                authorizeUrl(clientId, callback, "openid api", "s-1", pkce),
                callback,
                user.email(),
                TestUsers.PASSWORD);
        assertThat(trip.loginShown()).isTrue();
        assertThat(trip.consentShown()).as("third-party client: consent page").isTrue();
        assertThat(trip.consentScopes()).containsExactly("api");
        assertThat(trip.params()).containsEntry("state", "s-1").containsEntry("iss", issuer());

        Tokens tokens = tokens(exchange(http(), clientId, trip.code(), callback, pkce));
        JsonNode access = claims(tokens.access());
        assertThat(access.get("sub").asString()).isEqualTo(user.id().toString());
        assertThat(strings(access.get("aud"))).contains("echamado-api");
        assertThat(strings(access.get("roles"))).containsExactly("USER");
        assertThat(strings(access.get("scope"))).containsExactlyInAnyOrder("openid", "api");
        assertThat(tokens.refresh()).isNotBlank();
        assertThat(http().json("GET", "/userinfo", tokens.access(), null).statusCode())
                .isEqualTo(200);
        assertThat(http().json("GET", "/api/v1/me", tokens.access(), null).statusCode())
                .isEqualTo(200);

        // consent is remembered: the next authorization goes straight back to the client
        Pkce again = Pkce.create();
        Trip second = authorize(
                browser,
                authorizeUrl(clientId, callback, "openid api", "s-2", again),
                callback,
                user.email(),
                TestUsers.PASSWORD);
        assertThat(second.loginShown()).isFalse();
        assertThat(second.consentShown()).isFalse();
        assertThat(second.params()).containsKey("code").containsEntry("state", "s-2");
    }

    @Test
    void refreshingRotatesTheRefreshTokenForThePublicClient() {
        Tokens first = signInTo(SPA, SPA_CALLBACK).tokens();

        Tokens second = tokens(refresh(http(), SPA, first.refresh()));
        assertThat(second.refresh()).isNotBlank().isNotEqualTo(first.refresh());
        assertThat(second.access()).isNotEqualTo(first.access());
        assertThat(second.id()).isNotBlank();

        Tokens third = tokens(refresh(http(), SPA, second.refresh()));
        assertThat(third.refresh()).isNotEqualTo(second.refresh());
        assertThat(http().json("GET", "/userinfo", third.access(), null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeGrant() {
        Tokens first = signInTo(SPA, SPA_CALLBACK).tokens();
        Tokens second = tokens(refresh(http(), SPA, first.refresh()));
        assertThat(http().json("GET", "/userinfo", second.access(), null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> reuse = refresh(http(), SPA, first.refresh());
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(error(reuse)).isEqualTo("invalid_grant");

        HttpResponse<String> newest = refresh(http(), SPA, second.refresh());
        assertThat(newest.statusCode())
                .as("the newest refresh token is revoked with the grant")
                .isEqualTo(400);
        assertThat(error(newest)).isEqualTo("invalid_grant");
        assertThat(http().json("GET", "/userinfo", second.access(), null).statusCode())
                .as("userinfo with the grant's last access token")
                .isEqualTo(401);
    }

    @Test
    void rotationNeverExtendsTheAbsoluteLifetimeOfTheRefreshToken() {
        Duration lifetime = Duration.ofSeconds(6);
        String clientId = "short-lived-" + UUID.randomUUID().toString().substring(0, 8);
        String callback = "http://127.0.0.1:4000/" + clientId + "/cb";
        registerPublicClient(clientId, callback, null, false);
        RegisteredClient registered = registeredClients.findByClientId(clientId);
        registeredClients.save(RegisteredClient.from(registered)
                .tokenSettings(
                        TokenSettings.withSettings(registered.getTokenSettings().getSettings())
                                .refreshTokenTimeToLive(lifetime)
                                .build())
                .build());

        try {
            Tokens original = signInTo(clientId, callback).tokens();
            Instant originalIssuedBy = clock.instant();

            clock.advanceTo(originalIssuedBy.plusSeconds(3));
            Instant rotatedAfter = clock.instant();
            Tokens rotated = tokens(refresh(http(), clientId, original.refresh()));

            // past the original token's expiry, but well within a full lifetime counted from the rotation
            clock.advanceTo(originalIssuedBy.plus(lifetime).plusMillis(700));
            assertThat(clock.instant()).isBefore(rotatedAfter.plus(lifetime));
            HttpResponse<String> late = refresh(http(), clientId, rotated.refresh());
            assertThat(late.statusCode()).as(late.body()).isEqualTo(400);
            assertThat(error(late)).isEqualTo("invalid_grant");
        } finally {
            clock.reset();
        }
    }

    @Test
    void rpInitiatedLogoutEndsTheSessionAndReturnsToTheRegisteredPostLogoutUri() {
        SignedIn app = signInToNewClient("logout-app", true);
        String afterLogout = afterLogout(app.clientId());

        HttpResponse<String> logout = app.browser()
                .get("/connect/logout?"
                        + OAuthSteps.encode(Map.of(
                                "id_token_hint",
                                app.tokens().id(),
                                "post_logout_redirect_uri",
                                afterLogout,
                                "state",
                                "bye-1")));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(TestHttp.location(logout)).isEqualTo(afterLogout + "?state=bye-1");

        HttpResponse<String> again = app.browser()
                .get(authorizeUrl(app.clientId(), app.callback(), "openid", "s", Pkce.create()), "Accept", "text/html");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(TestHttp.location(again)).as("signed out: login asked again").endsWith("/login");
    }

    @Test
    void rpInitiatedLogoutRefusesAnUnregisteredPostLogoutUri() {
        SignedIn app = signInToNewClient("logout-app", true);

        for (String elsewhere :
                new String[] {"https://evil.example/bye", afterLogout(app.clientId()) + "x", app.callback()}) {
            HttpResponse<String> logout = app.browser()
                    .get("/connect/logout?"
                            + OAuthSteps.encode(
                                    Map.of("id_token_hint", app.tokens().id(), "post_logout_redirect_uri", elsewhere)));
            assertThat(logout.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(logout.headers().firstValue("Location")).isEmpty();
        }
    }

    /** A browser signed in to a client, and the tokens the client got. */
    record SignedIn(TestHttp browser, String clientId, String callback, Tokens tokens) {}

    /** Registers a public first-party client (no consent) and signs a new user in to it. */
    private SignedIn signInToNewClient(String prefix, boolean withPostLogoutUri) {
        String clientId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String callback = "http://127.0.0.1:5000/" + clientId + "/cb";
        registerPublicClient(clientId, callback, withPostLogoutUri ? afterLogout(clientId) : null, false);
        return signInTo(clientId, callback);
    }

    private SignedIn signInTo(String clientId, String callback) {
        UserView user = users.create(Role.USER);
        TestHttp browser = http();
        Pkce pkce = Pkce.create();
        Trip trip = authorize(
                browser,
                authorizeUrl(clientId, callback, "openid api", "s", pkce),
                callback,
                user.email(),
                TestUsers.PASSWORD);
        return new SignedIn(
                browser, clientId, callback, tokens(exchange(http(), clientId, trip.code(), callback, pkce)));
    }

    private static String afterLogout(String clientId) {
        return "http://127.0.0.1:5000/" + clientId + "/bye";
    }

    private void registerPublicClient(String clientId, String callback, String postLogout, boolean consent) {
        String admin = users.token(users.create(Role.ADMIN));
        String body = "{\"clientId\":\"" + clientId + "\",\"name\":\"Test app " + clientId + "\",\"type\":\"PUBLIC\","
                + "\"redirectUris\":[\"" + callback + "\"],"
                + (postLogout == null ? "" : "\"postLogoutRedirectUris\":[\"" + postLogout + "\"],")
                + "\"scopes\":[\"openid\",\"profile\",\"api\"],\"requireConsent\":" + consent + "}";
        HttpResponse<String> created = http().json("POST", "/api/v1/clients", admin, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private String issuer() {
        return TestHttp.parse(http().get("/.well-known/openid-configuration"))
                .get("issuer")
                .asString();
    }
}
