package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docker-compose config -q} (v1, works without an engine) on each deployment: development, and the shared
 * stack with the staging or production overrides, with the required variables set to dummy values.
 */
@Tag("deploy")
class ComposeConfigTest {

    static final Path COMPOSE = Tools.ROOT.resolve("deploy/compose");
    static final Map<String, String> REQUIRED = Map.of(
            "VERSION", "0.1.0-test",
            "ECHAMADO_ISSUER", "https://echamado.test",
            "REDIS_PASSWORD", "dummy-redis-test",
            "RABBITMQ_PASSWORD", "dummy-rabbit-test");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "docker-compose.dev.yml",
                "docker-compose.yml,docker-compose.staging.yml",
                "docker-compose.yml,docker-compose.production.yml"
            })
    void composeFilesAreValid(String files) {
        Tools.Result result = config(files, REQUIRED, false).assertSuccess("docker-compose config -q " + files);
        assertThat(result.output()).isBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "docker-compose.yml,docker-compose.staging.yml",
                "docker-compose.yml,docker-compose.production.yml"
            })
    void theStackWiresSecretsReplicasAndRollback(String files) {
        String merged = config(files, REQUIRED, true)
                .assertSuccess("docker-compose config")
                .output();
        assertThat(merged)
                .contains("target: spring.datasource.password")
                .contains("target: JWT_SIGNING_KEY")
                .contains("POSTGRES_PASSWORD_FILE: /run/secrets/db_password")
                .contains("failure_action: rollback")
                .contains("SPRING_PROFILES_ACTIVE: prod")
                .contains("HealthCheck")
                .doesNotContain("curl");
        if (files.contains("production")) {
            assertThat(merged).contains("replicas: 3");
        }
    }

    /** Development runs Mailpit; the app must send its notification e-mails there (Mailpit's SMTP port 1025). */
    @Test
    void developmentSendsMailToMailpit() {
        String merged = config("docker-compose.dev.yml", REQUIRED, true)
                .assertSuccess("docker-compose config")
                .output();
        assertThat(merged).contains("image: axllent/mailpit").contains("SPRING_MAIL_HOST: mailpit");
        assertThat(merged).containsPattern("SPRING_MAIL_PORT: '?1025'?");
    }

    @Test
    void aMissingRequiredVariableIsAnError() {
        Map<String, String> withoutIssuer = new java.util.HashMap<>(REQUIRED);
        withoutIssuer.remove("ECHAMADO_ISSUER");
        Tools.Result result = config("docker-compose.yml,docker-compose.production.yml", withoutIssuer, false);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("ECHAMADO_ISSUER");
    }

    private static Tools.Result config(String files, Map<String, String> env, boolean print) {
        List<String> command = new ArrayList<>(List.of(Tools.require("docker-compose", "docker-compose")));
        for (String file : files.split(",")) {
            command.add("-f");
            command.add(COMPOSE.resolve(file).toString());
        }
        command.add("config");
        if (!print) {
            command.add("-q");
        }
        Map<String, String> environment = new java.util.HashMap<>(env);
        return Tools.run(COMPOSE, environment, command);
    }
}
