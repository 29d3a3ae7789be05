package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules pass {@code promtool check rules} and their unit tests, the Prometheus configuration passes
 * {@code promtool check config}, and rules and dashboard query only metrics that the service exports.
 */
@Tag("deploy")
class PrometheusRulesTest {

    static final Path MONITORING = Tools.ROOT.resolve("deploy/monitoring");
    static final Path RULES = MONITORING.resolve("rules/echamado-alerts.yml");
    static final Path RULE_TESTS = MONITORING.resolve("tests/echamado-alerts.test.yml");

    /** What /metrics serves (README) plus Prometheus' own `up` and kube-state-metrics' restart counter. */
    static final Set<String> KNOWN_METRICS = Set.of(
            "http_requests_total",
            "http_request_duration_seconds_bucket",
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "hikaricp_connections_active",
            "hikaricp_connections_max",
            "hikaricp_connections_pending",
            "process_cpu_usage",
            "echamado_outbox_oldest_age_seconds",
            "echamado_events_dead_letters",
            "echamado_events_queue_depth",
            "up",
            "kube_pod_container_status_restarts_total");

    @TempDir
    Path dir;

    @Test
    void rulesPassPromtoolCheck() {
        Tools.Result result = Tools.run(List.of(promtool(), "check", "rules", RULES.toString()))
                .assertSuccess("promtool check rules");
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void ruleUnitTestsPass() {
        Tools.run(List.of(promtool(), "test", "rules", RULE_TESTS.toString())).assertSuccess("promtool test rules");
    }

    @Test
    void ruleUnitTestsFailWhenAThresholdIsWrong() throws IOException {
        Files.writeString(
                dir.resolve("echamado-alerts.yml"),
                Tools.read(RULES)
                        .replace(
                                "echamado:http_errors:ratio_rate5m * 100 > 5",
                                "echamado:http_errors:ratio_rate5m * 100 > 50"));
        Files.createDirectories(dir.resolve("rules"));
        Files.move(dir.resolve("echamado-alerts.yml"), dir.resolve("rules/echamado-alerts.yml"));
        Files.createDirectories(dir.resolve("tests"));
        Files.copy(RULE_TESTS, dir.resolve("tests/echamado-alerts.test.yml"));
        Tools.Result result = Tools.run(List.of(
                promtool(),
                "test",
                "rules",
                dir.resolve("tests/echamado-alerts.test.yml").toString()));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("EChamadoHighErrorRate");
    }

    @Test
    void composePrometheusConfigPassesPromtoolCheck() {
        // prometheus-kubernetes.yml is not checked here: Debian's promtool is built without Kubernetes discovery.
        Tools.run(List.of(
                        promtool(),
                        "check",
                        "config",
                        "--syntax-only",
                        MONITORING.resolve("prometheus.yml").toString()))
                .assertSuccess("promtool check config");
    }

    /**
     * The compose stack mounts rules/ at /etc/prometheus/rules and Prometheus loads what the config's rule_files glob
     * matches there: every match must be a rule file, or Prometheus exits at start (a promtool unit-test file there
     * did that). promtool check config, without --syntax-only, loads the rule files as Prometheus does.
     */
    @Test
    void theComposePrometheusLoadsItsRuleFolder() throws IOException {
        String compose = Tools.read(Tools.ROOT.resolve("deploy/compose/docker-compose.production.yml"));
        assertThat(compose).contains("- ../monitoring/rules:/etc/prometheus/rules:ro");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (Path file : Tools.list(MONITORING.resolve("rules"), "*")) {
            Files.copy(file, rules.resolve(file.getFileName()));
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(
                config,
                Tools.read(MONITORING.resolve("prometheus.yml")).replace("/etc/prometheus/rules/", rules + "/"));
        Tools.Result result = Tools.run(List.of(promtool(), "check", "config", config.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 13 rules found");
    }

    @Test
    void rulesAndDashboardQueryOnlyExportedMetrics() {
        Set<String> used = new TreeSet<>();
        used.addAll(metricNames(Tools.read(RULES)));
        used.addAll(metricNames(Tools.read(MONITORING.resolve("grafana/echamado-dashboard.json"))));
        assertThat(used).isNotEmpty().isSubsetOf(KNOWN_METRICS);
        assertThat(metricNames("rate(http_server_requests_seconds_count{job=\"echamado\"}[5m])"))
                .as("the check sees Micrometer's default name, which this service does not export")
                .containsExactly("http_server_requests_seconds_count");
    }

    /** Metric names in PromQL expressions: identifiers directly followed by a label matcher `{`. */
    static Set<String> metricNames(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m =
                Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\{(?:job|namespace)").matcher(text.replace("\\\"", "\""));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String promtool() {
        return Tools.require("promtool", "prometheus");
    }
}
