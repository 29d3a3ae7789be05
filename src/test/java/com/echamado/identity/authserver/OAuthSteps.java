package com.echamado.identity.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.UserView;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a browser and an OAuth2 client do against the issuer over real HTTP: the authorization request through the
 * login form (and the consent page when one is shown), the redirect back to the client, and token requests.
 */
final class OAuthSteps {

    static final String SPA = "echamado-spa";
    static final String SPA_CALLBACK = "http://127.0.0.1:3000/callback";

    private static final Pattern CONSENT_STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");
    private static final Pattern CONSENT_SCOPE = Pattern.compile("name=\"scope\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OAuthSteps() {}

    /** A PKCE pair (RFC 7636): a random verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {

        static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(
                        verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** How the browser got back to the client: the final redirect and what it passed on the way. */
    record Trip(String callback, boolean loginShown, boolean consentShown, List<String> consentScopes) {

        Map<String, String> params() {
            return query(callback);
        }

        String code() {
            String code = params().get("code");
            assertThat(code).as("code in " + callback).isNotBlank();
            return code;
        }
    }

    /** The tokens of a token response. */
    record Tokens(JsonNode body) {

        String access() {
            return body.get("access_token").asString();
        }

        String refresh() {
            JsonNode refresh = body.get("refresh_token");
            assertThat(refresh).as("refresh_token in " + body).isNotNull();
            return refresh.asString();
        }

        String id() {
            return body.get("id_token").asString();
        }
    }

    static String authorizeUrl(String clientId, String redirectUri, String scope, String state, Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("scope", scope);
        params.put("state", state);
        if (pkce != null) {
            params.put("code_challenge", pkce.challenge());
            params.put("code_challenge_method", "S256");
        }
        return "/oauth2/authorize?" + encode(params);
    }

    /**
     * Follows the authorization request like a browser: signs in on the login form when asked, approves the scopes
     * offered on a consent page, and stops at the first redirect to {@code redirectUri}.
     */
    static Trip authorize(TestHttp browser, String url, String redirectUri, String email, String password) {
        HttpResponse<String> response = browser.get(url, "Accept", "text/html");
        boolean loginShown = false;
        boolean consentShown = false;
        List<String> consentScopes = new ArrayList<>();
        for (int step = 0; step < 8; step++) {
            if (response.statusCode() == 302) {
                String location = TestHttp.location(response);
                if (location.startsWith(redirectUri)) {
                    return new Trip(location, loginShown, consentShown, consentScopes);
                }
                if (URI.create(location).getPath().equals("/login")) {
                    assertThat(loginShown).as("asked to sign in twice").isFalse();
                    loginShown = true;
                    response = browser.login(email, password);
                    assertThat(response.statusCode()).as("login form post").isEqualTo(302);
                    assertThat(TestHttp.location(response))
                            .as("login succeeded")
                            .doesNotContain("error", "locked");
                } else {
                    assertThat(URI.create(location).getPath())
                            .as("redirects stay on the issuer until the client's redirect URI")
                            .isIn("/oauth2/authorize", "/oauth2/consent");
                    response = browser.get(location, "Accept", "text/html");
                }
            } else if (response.statusCode() == 200 && response.body().contains("consent_form")) {
                assertThat(consentShown).as("consent asked twice").isFalse();
                consentShown = true;
                Matcher state = CONSENT_STATE.matcher(response.body());
                assertThat(state.find()).as("state on the consent page").isTrue();
                Matcher scopes = CONSENT_SCOPE.matcher(response.body());
                while (scopes.find()) {
                    consentScopes.add(scopes.group(1));
                }
                String clientId = query(url).get("client_id");
                Map<String, String> form = new LinkedHashMap<>();
                form.put("client_id", clientId);
                form.put("state", state.group(1));
                // TestHttp sends one value per name: approve the first scope offered (tests offer exactly one)
                if (!consentScopes.isEmpty()) {
                    form.put("scope", consentScopes.get(0));
                }
                response = browser.postForm("/oauth2/authorize", form, "Accept", "text/html");
            } else {
                throw new AssertionError("Unexpected answer on the way to the client: " + response.statusCode() + " "
                        + response.headers().map() + " " + response.body());
            }
        }
        throw new AssertionError("Too many redirects");
    }

    /** A new browser session signs the user in to the first-party public client and comes back with a code. */
    static Trip authorizeSpa(TestHttp browser, UserView user, Pkce pkce) {
        return authorize(
                browser,
                authorizeUrl(SPA, SPA_CALLBACK, "openid api", "s", pkce),
                SPA_CALLBACK,
                user.email(),
                TestUsers.PASSWORD);
    }

    static HttpResponse<String> exchange(TestHttp app, String clientId, String code, String redirectUri, Pkce pkce) {
        return app.postForm(
                "/oauth2/token",
                Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", redirectUri,
                        "client_id", clientId,
                        "code_verifier", pkce.verifier()));
    }

    static HttpResponse<String> refresh(TestHttp app, String clientId, String refreshToken) {
        return app.postForm(
                "/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
    }

    static Tokens tokens(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("token response " + response.body())
                .isEqualTo(200);
        return new Tokens(TestHttp.parse(response));
    }

    static String error(HttpResponse<String> response) {
        JsonNode body = TestHttp.parse(response);
        assertThat(body.has("access_token")).as("no token in an error: " + body).isFalse();
        return body.get("error").asString();
    }

    static String basic(String clientId, String secret) {
        String pair = TestHttp.encode(clientId) + ":" + TestHttp.encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The claims of a JWT, read without checking it. */
    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return TestHttp.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    static JsonNode header(String jwt) {
        String[] parts = jwt.split("\\.");
        return TestHttp.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    }

    /** A claim as a list of strings, whether the JWT holds an array or a single string. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(item -> out.add(item.asString()));
        } else {
            out.add(node.asString());
        }
        return out;
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(decode(kv[0]), kv.length == 2 ? decode(kv[1]) : "");
        }
        return out;
    }

    static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(TestHttp.encode(k)).append('=').append(TestHttp.encode(v));
        });
        return out.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
