package com.echamado.identity.authserver;

import static com.echamado.identity.authserver.OAuthSteps.SPA;
import static com.echamado.identity.authserver.OAuthSteps.SPA_CALLBACK;
import static com.echamado.identity.authserver.OAuthSteps.authorize;
import static com.echamado.identity.authserver.OAuthSteps.authorizeUrl;
import static com.echamado.identity.authserver.OAuthSteps.claims;
import static com.echamado.identity.authserver.OAuthSteps.exchange;
import static com.echamado.identity.authserver.OAuthSteps.refresh;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Two replicas on one database, as behind a load balancer: this test's application (A) and a second one started
 * here (B), with the same database, signing key, Redis namespaces and issuer. Codes, tokens and refresh tokens of
 * one are honoured by the other.
 */
@TestPropertySource(properties = "echamado.identity.issuer=" + AuthorizationServerReplicaTests.ISSUER)
class AuthorizationServerReplicaTests extends IntegrationTest {

    static final String ISSUER = "http://issuer.test";

    private static SecondReplica replicaB;
    private static String b;

    @BeforeAll
    static void startReplicaB() {
        replicaB = SecondReplica.start(ISSUER);
        b = replicaB.baseUrl();
    }

    @AfterAll
    static void stopReplicaB() {
        if (replicaB != null) {
            replicaB.close();
        }
    }

    @Test
    void bothReplicasNameTheSameIssuer() {
        assertThat(b).as("two servers").isNotEqualTo(baseUrl());
        assertThat(TestHttp.parse(http().get("/.well-known/openid-configuration"))
                        .get("issuer")
                        .asString())
                .isEqualTo(ISSUER);
        assertThat(TestHttp.parse(new TestHttp(b).get("/.well-known/openid-configuration"))
                        .get("issuer")
                        .asString())
                .isEqualTo(ISSUER);
    }

    @Test
    void aCodeIssuedByReplicaAIsRedeemedAtReplicaB() {
        UserView user = users.create(Role.USER);
        Pkce pkce = Pkce.create();
        Trip trip = OAuthSteps.authorizeSpa(http(), user, pkce);
        assertThat(trip.params()).containsEntry("iss", ISSUER);

        Tokens tokens = tokens(exchange(new TestHttp(b), SPA, trip.code(), SPA_CALLBACK, pkce));
        assertThat(claims(tokens.access()).get("sub").asString())
                .isEqualTo(user.id().toString());
        assertThat(claims(tokens.access()).get("iss").asString()).isEqualTo(ISSUER);
        assertThat(new TestHttp(b)
                        .json("GET", "/userinfo", tokens.access(), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAccessTokenMintedByReplicaAIsAcceptedByReplicaB() {
        UserView user = users.create(Role.SUPPORT);
        Tokens tokens = signInAtA(user);

        HttpResponse<String> me = new TestHttp(b).json("GET", "/api/v1/me", tokens.access(), null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(TestHttp.parse(me).get("email").asString()).isEqualTo(user.email());
        assertThat(new TestHttp(b)
                        .json("GET", "/userinfo", tokens.access(), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRefreshTokenIssuedByReplicaAIsRotatedAtReplicaBAndItsReuseAtARevokesTheGrant() {
        Tokens fromA = signInAtA(users.create(Role.USER));

        Tokens fromB = tokens(refresh(new TestHttp(b), SPA, fromA.refresh()));
        assertThat(fromB.refresh()).isNotEqualTo(fromA.refresh());
        assertThat(http().json("GET", "/api/v1/me", fromB.access(), null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> reuse = refresh(http(), SPA, fromA.refresh());
        assertThat(reuse.statusCode()).isEqualTo(400);
        HttpResponse<String> newest = refresh(new TestHttp(b), SPA, fromB.refresh());
        assertThat(newest.statusCode()).as("revoked on every replica").isEqualTo(400);
    }

    @Test
    void aSessionStartedAtReplicaAIsRecognisedByReplicaB() {
        UserView user = users.create(Role.USER);
        TestHttp browser = http();
        assertThat(TestHttp.location(browser.login(user.email(), TestUsers.PASSWORD)))
                .doesNotContain("error");
        Pkce pkce = Pkce.create();
        Trip atB = authorize(
                browser,
                b + authorizeUrl(SPA, SPA_CALLBACK, "openid api", "s", pkce),
                SPA_CALLBACK,
                user.email(),
                TestUsers.PASSWORD);
        assertThat(atB.loginShown())
                .as("the session lives in Redis: no second login")
                .isFalse();
        assertThat(tokens(exchange(http(), SPA, atB.code(), SPA_CALLBACK, pkce)).access())
                .isNotBlank();
    }

    private Tokens signInAtA(UserView user) {
        Pkce pkce = Pkce.create();
        Trip trip = OAuthSteps.authorizeSpa(http(), user, pkce);
        return tokens(exchange(http(), SPA, trip.code(), SPA_CALLBACK, pkce));
    }
}
