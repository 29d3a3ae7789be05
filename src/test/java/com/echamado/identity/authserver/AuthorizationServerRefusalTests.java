package com.echamado.identity.authserver;

import static com.echamado.identity.authserver.OAuthSteps.SPA;
import static com.echamado.identity.authserver.OAuthSteps.SPA_CALLBACK;
import static com.echamado.identity.authserver.OAuthSteps.authorizeUrl;
import static com.echamado.identity.authserver.OAuthSteps.error;
import static com.echamado.identity.authserver.OAuthSteps.exchange;
import static com.echamado.identity.authserver.OAuthSteps.query;
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
import com.echamado.support.TestKeys;
import com.echamado.support.TestUsers;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * What the issuer refuses (RFC 9700): authorization requests without PKCE or with {@code plain}, a redirect URI
 * that is not the registered one, a reused code, bad bearer tokens, the password and implicit grants.
 */
class AuthorizationServerRefusalTests extends IntegrationTest {

    @Autowired
    JwtEncoder encoder;

    @Test
    void anAuthorizationRequestWithoutCodeChallengeIsRefusedForThePublicClient() {
        Map<String, String> answer = errorRedirect(askForAuthorization("code", "no-pkce", Map.of()));
        assertThat(answer).containsEntry("error", "invalid_request").containsEntry("state", "no-pkce");
        assertThat(answer.get("error_description")).contains("code_challenge");
        assertThat(answer).doesNotContainKey("code");
    }

    @Test
    void aPlainCodeChallengeIsRefused() {
        Pkce pkce = Pkce.create();
        Map<String, String> answer = errorRedirect(askForAuthorization(
                "code", "plain", Map.of("code_challenge", pkce.verifier(), "code_challenge_method", "plain")));
        assertThat(answer).containsEntry("error", "invalid_request");
        assertThat(answer.get("error_description")).contains("code_challenge_method");
        assertThat(answer).doesNotContainKey("code");
    }

    @Test
    void aRedirectUriThatDiffersByOneCharacterIsNeverRedirectedTo() {
        TestHttp browser = signedInBrowser();
        for (String near : List.of(
                "http://127.0.0.1:3000/callbacK",
                "http://127.0.0.1:3000/callback/",
                "http://127.0.0.1:3001/callback", // no loopback port exception: exact string match only
                "http://127.0.0.1:3000/callback?x=1")) {
            HttpResponse<String> response =
                    browser.get(authorizeUrl(SPA, near, "openid", "s", Pkce.create()), "Accept", "text/html");
            assertThat(response.statusCode()).as(near).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(near).isEmpty();
        }
    }

    @Test
    void aCodeIsSingleUseAndItsReuseRevokesTheTokensIssuedFromIt() {
        UserView user = users.create(Role.USER);
        Pkce pkce = Pkce.create();
        Trip trip = OAuthSteps.authorizeSpa(http(), user, pkce);
        Tokens tokens = tokens(exchange(http(), SPA, trip.code(), SPA_CALLBACK, pkce));
        assertThat(http().json("GET", "/userinfo", tokens.access(), null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> again = exchange(http(), SPA, trip.code(), SPA_CALLBACK, pkce);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(error(again)).isEqualTo("invalid_grant");

        // Spring invalidates the grant's refresh and access tokens in the authorization (RFC 6749 4.1.2)
        HttpResponse<String> refreshed = refresh(http(), SPA, tokens.refresh());
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(error(refreshed)).isEqualTo("invalid_grant");
        assertThat(http().json("GET", "/userinfo", tokens.access(), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(),
                        claims(users.create(Role.USER), past, past.plusSeconds(600))))
                .getTokenValue();
        assertRefusedByTheApi(expired);
    }

    @Test
    void aTamperedTokenIsRefused() {
        UserView user = users.create(Role.USER);
        String token = users.token(user);
        assertThat(http().json("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(200);
        String[] parts = token.split("\\.");

        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';
        assertRefusedByTheApi(parts[0] + "." + parts[1] + "." + new String(signature));

        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"USER\"", "\"ADMIN\"");
        assertThat(payload).contains("ADMIN");
        assertRefusedByTheApi(parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);
    }

    @Test
    void aTokenSignedByAForeignKeyIsRefusedEvenWithOurKeyId() throws Exception {
        String ourKid = SigningKeys.fromPem(TestKeys.RSA).getKeys().get(0).getKeyID();
        RSAKey foreign = new RSAKey.Builder(
                        SigningKeys.fromPem(TestKeys.rsa()).getKeys().get(0).toRSAKey())
                .keyID(ourKid)
                .build();
        NimbusJwtEncoder forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(foreign)));
        Instant now = Instant.now();
        String forged = forger.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).keyId(ourKid).build(),
                        claims(users.create(Role.ADMIN), now, now.plusSeconds(300))))
                .getTokenValue();
        assertThat(OAuthSteps.header(forged).get("kid").asString()).isEqualTo(ourKid);
        assertRefusedByTheApi(forged);
    }

    @Test
    void thePasswordGrantIsRefusedWithoutAToken() {
        UserView user = users.create(Role.USER);
        Map<String, String> form = Map.of(
                "grant_type", "password", "username", user.email(), "password", TestUsers.PASSWORD, "scope", "api");

        Map<String, String> asPublic = new LinkedHashMap<>(form);
        asPublic.put("client_id", SPA);
        HttpResponse<String> publicClient = http().postForm("/oauth2/token", asPublic);
        // no client authentication applies to a public client outside the code and refresh grants: 401, not a login
        // page
        assertThat(publicClient.statusCode()).as(publicClient.body()).isEqualTo(401);
        assertThat(publicClient.headers().firstValue("Location")).isEmpty();
        assertThat(publicClient.body()).doesNotContain("access_token");

        Registered integration = registerConfidentialClient("password-try");
        HttpResponse<String> confidential =
                http().postForm("/oauth2/token", form, "Authorization", integration.basic());
        assertThat(confidential.statusCode()).isEqualTo(400);
        assertThat(error(confidential)).isEqualTo("unsupported_grant_type");
    }

    @Test
    void theImplicitGrantIsRefused() {
        HttpResponse<String> response = askForAuthorization("token", "implicit", Map.of());
        assertThat(response.statusCode()).isIn(302, 400);
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("access_token", "#", "code=");
        if (response.statusCode() == 302) {
            assertThat(query(location)).containsEntry("error", "unsupported_response_type");
        }
    }

    @Test
    void aConfidentialClientRegisteredByAnAdminGetsAClientCredentialsTokenThatCanBeRevoked() {
        Registered integration = registerConfidentialClient("integration");
        String admin = users.token(users.create(Role.ADMIN));
        HttpResponse<String> shown = http().json("GET", "/api/v1/clients/" + integration.clientId(), admin, null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(TestHttp.parse(shown).get("clientSecret").isNull())
                .as("secret shown once only")
                .isTrue();

        HttpResponse<String> wrongSecret = http().postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials", "scope", "api"),
                        "Authorization",
                        OAuthSteps.basic(integration.clientId(), integration.secret() + "x"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);

        HttpResponse<String> issued = http().postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials", "scope", "api"),
                        "Authorization",
                        integration.basic());
        Tokens tokens = tokens(issued);
        assertThat(tokens.body().has("refresh_token")).isFalse();
        var claims = OAuthSteps.claims(tokens.access());
        assertThat(claims.get("sub").asString()).isEqualTo(integration.clientId());
        assertThat(OAuthSteps.strings(claims.get("aud"))).contains("echamado-api");
        assertThat(OAuthSteps.strings(claims.get("roles"))).isEmpty();
        assertThat(OAuthSteps.strings(claims.get("scope"))).containsExactly("api");

        assertThat(introspect(integration, tokens.access()).get("active").asBoolean())
                .isTrue();
        HttpResponse<String> revoked = http().postForm(
                        "/oauth2/revoke",
                        Map.of("token", tokens.access(), "token_type_hint", "access_token"),
                        "Authorization",
                        integration.basic());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(introspect(integration, tokens.access()).get("active").asBoolean())
                .isFalse();
    }

    @Test
    void discoveryListsTheEndpointsS256OnlyTheIssParameterAndNoPasswordOrImplicitGrant() {
        var config = TestHttp.parse(http().get("/.well-known/openid-configuration"));
        String issuer = config.get("issuer").asString();
        assertThat(issuer).isEqualTo(baseUrl());
        assertThat(config.get("authorization_endpoint").asString()).isEqualTo(issuer + "/oauth2/authorize");
        assertThat(config.get("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
        assertThat(config.get("jwks_uri").asString()).isEqualTo(issuer + "/oauth2/jwks");
        assertThat(config.get("userinfo_endpoint").asString()).isEqualTo(issuer + "/userinfo");
        assertThat(config.get("end_session_endpoint").asString()).isEqualTo(issuer + "/connect/logout");
        assertThat(config.get("revocation_endpoint").asString()).isEqualTo(issuer + "/oauth2/revoke");
        assertThat(config.get("introspection_endpoint").asString()).isEqualTo(issuer + "/oauth2/introspect");
        assertThat(OAuthSteps.strings(config.get("code_challenge_methods_supported")))
                .containsExactly("S256");
        assertThat(config.get("authorization_response_iss_parameter_supported").asBoolean())
                .isTrue();
        assertThat(OAuthSteps.strings(config.get("response_types_supported"))).containsExactly("code");
        assertThat(OAuthSteps.strings(config.get("grant_types_supported")))
                .contains("authorization_code", "refresh_token", "client_credentials")
                .doesNotContain("password", "implicit");
        assertThat(OAuthSteps.strings(config.get("id_token_signing_alg_values_supported")))
                .containsExactly("RS256");

        var metadata = TestHttp.parse(http().get("/.well-known/oauth-authorization-server"));
        assertThat(metadata.get("issuer").asString()).isEqualTo(issuer);
        assertThat(OAuthSteps.strings(metadata.get("code_challenge_methods_supported")))
                .containsExactly("S256");
        assertThat(metadata.get("authorization_response_iss_parameter_supported")
                        .asBoolean())
                .isTrue();
        assertThat(OAuthSteps.strings(metadata.get("grant_types_supported"))).doesNotContain("password", "implicit");
    }

    @Test
    void theJwksPublishesTheSigningKeyWithoutItsPrivatePart() {
        String kid = SigningKeys.fromPem(TestKeys.RSA).getKeys().get(0).getKeyID();
        HttpResponse<String> response = http().get("/oauth2/jwks");
        assertThat(response.statusCode()).isEqualTo(200);
        var keys = TestHttp.parse(response).get("keys");
        List<String> kids = new ArrayList<>();
        keys.forEach(key -> {
            kids.add(key.get("kid").asString());
            assertThat(key.has("d")).as("no private key material").isFalse();
            assertThat(key.has("p")).isFalse();
        });
        assertThat(kids).containsExactly(kid);
        assertThat(OAuthSteps.header(users.token(users.create(Role.USER)))
                        .get("kid")
                        .asString())
                .isEqualTo(kid);
    }

    record Registered(String clientId, String secret) {

        String basic() {
            return OAuthSteps.basic(clientId, secret);
        }
    }

    private Registered registerConfidentialClient(String prefix) {
        String clientId = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String admin = users.token(users.create(Role.ADMIN));
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/clients",
                        admin,
                        "{\"clientId\":\"" + clientId + "\",\"name\":\"Integration\",\"type\":\"CONFIDENTIAL\","
                                + "\"grantTypes\":[\"client_credentials\"],\"scopes\":[\"api\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = TestHttp.parse(created).get("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        return new Registered(clientId, secret);
    }

    private tools.jackson.databind.JsonNode introspect(Registered client, String token) {
        HttpResponse<String> response =
                http().postForm("/oauth2/introspect", Map.of("token", token), "Authorization", client.basic());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.parse(response);
    }

    /** An authorization request for the public client, from a signed-in browser. */
    private HttpResponse<String> askForAuthorization(String responseType, String state, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", responseType);
        params.put("client_id", SPA);
        params.put("redirect_uri", SPA_CALLBACK);
        params.put("scope", "openid");
        params.put("state", state);
        params.putAll(extra);
        return signedInBrowser().get("/oauth2/authorize?" + OAuthSteps.encode(params), "Accept", "text/html");
    }

    private TestHttp signedInBrowser() {
        TestHttp browser = http();
        HttpResponse<String> login = browser.login(users.create(Role.USER).email(), TestUsers.PASSWORD);
        assertThat(TestHttp.location(login)).doesNotContain("error");
        return browser;
    }

    private static Map<String, String> errorRedirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = TestHttp.location(response);
        assertThat(location).startsWith(SPA_CALLBACK + "?");
        return query(location);
    }

    private static JwtClaimsSet claims(UserView user, Instant issuedAt, Instant expiresAt) {
        return JwtClaimsSet.builder()
                .subject(user.id().toString())
                .audience(List.of("echamado-api"))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("roles", user.roles().stream().map(Role::name).toList())
                .claim("scope", List.of("openid", "api"))
                .build();
    }

    private void assertRefusedByTheApi(String token) {
        HttpResponse<String> response = http().json("GET", "/api/v1/me", token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }
}
