package com.echamado.platform.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/** The {@code prod} profile refuses to start without its secrets, or with a secret everyone knows. */
final class ProductionSettings {

    /** Secrets that appear in tutorials, samples and the .NET version's files. */
    static final Set<String> KNOWN_DEFAULTS = Set.of(
            "",
            "password",
            "postgres",
            "changeme",
            "change-me",
            "secret",
            "admin",
            "guest",
            "root",
            "dev_pass",
            "echamado",
            "admin@123",
            "user@123",
            "echamado_introspection_secret_2024",
            "your-secret-key",
            "your_jwt_signing_key");

    private ProductionSettings() {}

    static void check(Environment env) {
        List<String> problems = new ArrayList<>();
        require(env, "echamado.identity.issuer", "the issuer URL (ECHAMADO_ISSUER or OpenIddict__Issuer)", problems);
        require(env, "echamado.identity.signing-keys", "a PEM signing key (JWT_SIGNING_KEY)", problems);
        require(env, "spring.datasource.url", "a database URL (DATABASE_CONNECTION)", problems);
        require(env, "spring.datasource.username", "a database user (DATABASE_CONNECTION)", problems);
        require(env, "spring.datasource.password", "a database password (DATABASE_CONNECTION)", problems);
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.isBlank() && !url.startsWith("jdbc:postgresql:")) {
            problems.add("spring.datasource.url is not a PostgreSQL URL (jdbc:postgresql://…)");
        }
        String issuer = env.getProperty("echamado.identity.issuer", "");
        if (!issuer.isBlank() && !issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            problems.add("the issuer must be an absolute http(s) URL, got '" + issuer + "'");
        }
        rejectDefault(env, "spring.datasource.password", "the database password", problems);
        rejectDefaultValue(rabbitPassword(env), "the RabbitMQ password (RABBITMQ_CONNECTION)", problems);
        rejectDefault(env, "spring.data.redis.password", "the Redis password", problems);
        rejectDefaultValue(
                uriPassword(env.getProperty("spring.data.redis.url")),
                "the Redis password (REDIS_CONNECTION)",
                problems);
        rejectDefault(env, "echamado.identity.admin-password", "ECHAMADO_ADMIN_PASSWORD", problems);
        String key = env.getProperty("echamado.identity.signing-keys", "");
        if (!key.isBlank() && !key.contains("-----BEGIN")) {
            problems.add("JWT_SIGNING_KEY is not a PEM key (expected '-----BEGIN PRIVATE KEY-----')");
        }
        if (!problems.isEmpty()) {
            throw new InsecureConfigurationException(problems);
        }
    }

    private static void require(Environment env, String property, String what, List<String> problems) {
        String value = env.getProperty(property);
        if (value == null || value.isBlank()) {
            problems.add("missing " + what + " [" + property + "]");
        }
    }

    private static void rejectDefault(Environment env, String property, String what, List<String> problems) {
        String value = env.getProperty(property);
        if (value != null && !value.isBlank() && KNOWN_DEFAULTS.contains(value.toLowerCase(Locale.ROOT))) {
            problems.add(what + " is a well-known default value [" + property + "]");
        }
    }

    private static void rejectDefaultValue(String value, String what, List<String> problems) {
        if (value != null && KNOWN_DEFAULTS.contains(value.toLowerCase(Locale.ROOT))) {
            problems.add(what + " is a well-known default value");
        }
    }

    /** The password RabbitMQ will be given: from the AMQP URI, the property, or Spring's implicit "guest". */
    static String rabbitPassword(Environment env) {
        String addresses = env.getProperty("spring.rabbitmq.addresses", "");
        for (String address : addresses.split(",")) {
            String password = uriPassword(address.trim());
            if (password != null) {
                return password;
            }
        }
        return env.getProperty("spring.rabbitmq.password", "guest");
    }

    static String uriPassword(String uri) {
        if (uri == null || !uri.contains("://")) {
            return null;
        }
        try {
            String userInfo = java.net.URI.create(uri).getRawUserInfo();
            if (userInfo == null || !userInfo.contains(":")) {
                return null;
            }
            return java.net.URLDecoder.decode(userInfo.split(":", 2)[1], java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
