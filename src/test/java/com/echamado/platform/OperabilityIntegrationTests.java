package com.echamado.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

/** What the deployment guide probes and scrapes, and the headers every response carries. */
class OperabilityIntegrationTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void probesAnswerWithoutDetails() {
        for (String path : new String[] {"/health/live", "/health/ready"}) {
            HttpResponse<String> response = http().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        }
    }

    @Test
    void readinessRefusesTrafficWhileLivenessStaysUp() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(http().get("/health/ready").statusCode()).isEqualTo(503);
            assertThat(http().get("/health/live").statusCode()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(http().get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void healthShowsTheStateOfEachComponentButNoDetails() {
        HttpResponse<String> response = http().get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"", "\"db\":{\"status\":\"UP\"}", "\"redis\":{\"status\":\"UP\"}")
                .contains("\"rabbit\":{\"status\":\"UP\"}", "\"mail\":{\"status\":\"UP\"}")
                .doesNotContain("details", "version", "127.0.0.1");
    }

    @Test
    void metricsUseTheNamesTheGuidesAlertsQuery() {
        http().get("/login");
        String metrics = http().get("/metrics").body();
        assertThat(metrics)
                .contains("http_requests_total{")
                .contains("route=\"/login\"")
                .contains("http_request_duration_seconds_bucket{")
                .contains("le=\"0.5\"")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_active");
    }

    /** Sign-out and the authorization server's endpoints are answered by filters, not handler mappings. */
    @Test
    void requestsThatSecurityFiltersAnswerAreCountedUnderTheirPath() {
        http().get("/oauth2/jwks");
        http().postForm("/oauth2/token", java.util.Map.of("grant_type", "client_credentials"));
        http().get("/.well-known/openid-configuration");
        http().get("/tickets/no-such-page-" + System.nanoTime() + "/x/y");
        String metrics = http().get("/metrics").body();
        assertThat(metrics)
                .contains("route=\"/oauth2/jwks\"")
                .contains("route=\"/oauth2/token\"")
                .contains("route=\"/.well-known/openid-configuration\"")
                .doesNotContain("route=\"/tickets/no-such-page-");
    }

    @Test
    void noOtherActuatorEndpointIsReachable() {
        for (String path : new String[] {"/actuator", "/actuator/env", "/env", "/heapdump", "/loggers", "/beans"}) {
            int status = http().get(path).statusCode();
            assertThat(status).as(path).isIn(302, 401, 403, 404);
        }
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpResponse<String> login = http().get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("X-Request-Id")).isPresent();
        HttpResponse<String> behindTls = http().get("/login", "X-Forwarded-Proto", "https");
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void theLoginPageSpeaksPortugueseByDefaultAndEnglishOnRequest() {
        assertThat(http().get("/login").body()).contains("Entrar", "Senha");
        assertThat(http().get("/login?lang=en").body()).contains("Sign in", "Password");
    }
}
