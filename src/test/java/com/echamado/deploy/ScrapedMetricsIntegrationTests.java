package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Prometheus scrapes from a running service, after pages, the API and the events have been used, passes
 * {@code promtool check metrics} (HELP text on every family, Prometheus naming rules), as the rehearsal's T10 checks
 * on a real deployment; Micrometer's default request metrics, which nothing queries, are not exported beside the
 * service's own.
 */
@Tag("deploy")
class ScrapedMetricsIntegrationTests extends IntegrationTest {

    @TempDir
    Path dir;

    @Test
    void theScrapePassesPromtoolsLint() throws IOException {
        String token = users.token(users.create(Role.USER));
        http().get("/login");
        http().json("GET", "/api/v1/tickets", token, null);
        http().json("GET", "/api/v1/tickets/not-a-ticket", token, null);
        Path scrape = dir.resolve("metrics.txt");
        Files.writeString(scrape, http().get("/metrics").body());

        Tools.Result lint =
                Tools.run(List.of("sh", "-c", "\"$0\" check metrics < \"$1\"", promtool(), scrape.toString()));

        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(Files.readString(scrape))
                .contains("# HELP http_requests_total", "# HELP rabbitmq_connections", "# HELP hikaricp_connections ")
                .doesNotContain("http_server_requests_seconds");
    }

    private static String promtool() {
        return Tools.require("promtool", "prometheus");
    }
}
