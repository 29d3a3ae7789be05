package com.echamado.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.deploy.ShippedNginx;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;

/**
 * Forwarded headers, redirects and same-origin form posts over real HTTP, with 127.0.0.1 as the only trusted proxy
 * and a public URL: {@code 127.0.0.2} is a client that reaches the service directly, {@code 127.0.0.1} a proxy.
 */
@TestPropertySource(
        properties = {
            "echamado.web.trusted-proxies=127.0.0.1/32",
            "echamado.web.public-url=" + TrustedProxiesIntegrationTests.PUBLIC_URL,
            "echamado.ratelimit.login-per-ip=" + TrustedProxiesIntegrationTests.PER_IP
        })
class TrustedProxiesIntegrationTests extends IntegrationTest {

    static final String PUBLIC_URL = "https://help.echamado.test";
    static final int PER_IP = 3;
    private static final String CLIENT = "127.0.0.2";
    private static final String PROXY = "127.0.0.1";
    private static final java.util.Random RANDOM = new java.security.SecureRandom();

    @Test
    void aForgedXForwardedForFromAnUntrustedClientDoesNotBuyAFreshSignInBudget() {
        for (int attempt = 1; attempt <= PER_IP; attempt++) {
            assertThat(signIn(CLIENT, "X-Forwarded-For", "198.51.100." + attempt)
                            .status())
                    .isEqualTo(403); // no CSRF token: refused, but counted
        }
        RawHttp.Answer over = signIn(CLIENT, "X-Forwarded-For", "198.51.100.99", "Forwarded", "for=198.51.100.98");
        assertThat(over.status())
                .as("the budget of 127.0.0.2, whatever it claims")
                .isEqualTo(429);
        assertThat(over.header("Retry-After")).isNotBlank();
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
        String client = "192.0.2.77";
        for (int attempt = 1; attempt <= PER_IP; attempt++) {
            signIn(PROXY, "X-Forwarded-For", "203.0.113." + attempt + ", " + client + ", 127.0.0.1");
        }
        assertThat(signIn(PROXY, "X-Forwarded-For", "203.0.113.99, " + client).status())
                .as("what the client wrote left of its own address does not count")
                .isEqualTo(429);
        assertThat(signIn(PROXY, "X-Forwarded-For", "192.0.2.78").status())
                .as("another client behind the same proxy has its own budget")
                .isEqualTo(403);
        assertThat(signIn(PROXY, "Forwarded", "for=203.0.113.5;proto=https, for=\"" + client + ":4711\"")
                        .status())
                .as("the same rule for Forwarded (RFC 7239)")
                .isEqualTo(429);
    }

    @Test
    void aHostHeaderDoesNotChooseWhereTheSignInRedirectGoes() {
        assertThat(page(CLIENT, "Host", "evil.example").header("Location")).isEqualTo(PUBLIC_URL + "/login");
        assertThat(page(CLIENT, "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "http")
                        .header("Location"))
                .isEqualTo(PUBLIC_URL + "/login");
        assertThat(page(PROXY, "Host", "evil.example", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "http")
                        .header("Location"))
                .as("even a trusted proxy only passes on what the client sent as Host")
                .isEqualTo(PUBLIC_URL + "/login");

        String authorize = "/oauth2/authorize?response_type=code&client_id=echamado-spa"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A3000%2Fcallback&scope=openid&state=s"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        RawHttp.Answer issuer =
                RawHttp.send(CLIENT, port, "GET", authorize, null, "Host", "evil.example", "Accept", "text/html");
        assertThat(issuer.status()).isEqualTo(302);
        assertThat(issuer.header("Location")).isEqualTo(PUBLIC_URL + "/login");
    }

    @Test
    void onlyATrustedProxyCanSayTheRequestCameOverTls() {
        assertThat(RawHttp.send(CLIENT, port, "GET", "/login", null, "X-Forwarded-Proto", "https")
                        .header("Strict-Transport-Security"))
                .isNull();
        assertThat(RawHttp.send(PROXY, port, "GET", "/login", null, "X-Forwarded-Proto", "https")
                        .header("Strict-Transport-Security"))
                .isNotNull();
    }

    @Test
    void throughTheShippedNginxAClientCannotChooseItsAddressOrTheRedirectHost(@TempDir Path dir) {
        String client = "127.0.0.3"; // its own sign-in budget: no other test signs in from it
        try (ShippedNginx nginx = ShippedNginx.inFrontOf(port, dir)) {
            for (int attempt = 1; attempt <= PER_IP; attempt++) {
                String body = "username=" + TestHttp.encode("nobody-" + UUID.randomUUID() + "@example.test");
                RawHttp.Answer answer = RawHttp.sendTls(
                        client,
                        nginx.httpsPort(),
                        "POST",
                        "/login",
                        body,
                        "X-Forwarded-For",
                        "198.51.100." + attempt,
                        "Forwarded",
                        "for=198.51.100." + attempt);
                assertThat(answer.status()).isEqualTo(403);
            }
            RawHttp.Answer over = RawHttp.sendTls(
                    client,
                    nginx.httpsPort(),
                    "POST",
                    "/login",
                    "username=x%40y.test",
                    "X-Forwarded-For",
                    "198.51.100.99",
                    "Forwarded",
                    "for=198.51.100.99");
            assertThat(over.status())
                    .as("nginx passes on the peer's address, not the client's story")
                    .isEqualTo(429);

            RawHttp.Answer redirect = RawHttp.sendTls(
                    client, nginx.httpsPort(), "GET", "/tickets", null, "Host", "evil.example", "Accept", "text/html");
            assertThat(redirect.status()).isEqualTo(302);
            assertThat(redirect.header("Location")).isEqualTo(PUBLIC_URL + "/login");
        }
    }

    @Test
    void aFormPostFromAnotherOriginIsRefusedDespiteAValidCsrfToken() {
        String email = "nobody-" + UUID.randomUUID() + "@example.test";
        assertThat(post(email, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(post(email, "Referer", "https://evil.example/phish").statusCode())
                .isEqualTo(403);
        assertThat(post(email, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(post(email, "Origin", PUBLIC_URL).statusCode())
                .as("the public origin passes on to the sign-in")
                .isEqualTo(302);
        assertThat(post(email, "Referer", PUBLIC_URL + "/login").statusCode()).isEqualTo(302);
        assertThat(post(email).statusCode())
                .as("neither header (no browser sends a POST without Origin): the CSRF token decides")
                .isEqualTo(302);
    }

    /** A sign-in through the proxy, each from its own client address (one sign-in budget each). */
    private HttpResponse<String> post(String email, String... headers) {
        TestHttp browser = http();
        String csrf = TestHttp.csrf(browser.get("/login").body());
        String client = "198.18." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
        return browser.postForm(
                "/login",
                Map.of("username", email, "password", "wrong", "_csrf", csrf),
                with(headers, "X-Forwarded-For", client));
    }

    private RawHttp.Answer signIn(String from, String... headers) {
        String body = "username=" + TestHttp.encode("nobody-" + UUID.randomUUID() + "@example.test") + "&password=x";
        return RawHttp.send(from, port, "POST", "/login", body, headers);
    }

    private RawHttp.Answer page(String from, String... headers) {
        RawHttp.Answer answer = RawHttp.send(from, port, "GET", "/tickets", null, with(headers, "Accept", "text/html"));
        assertThat(answer.status()).isEqualTo(302);
        return answer;
    }

    private static String[] with(String[] headers, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(headers), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }
}
