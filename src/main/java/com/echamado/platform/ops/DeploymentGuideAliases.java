package com.echamado.platform.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Honours the variable names of the deployment guide ({@code DATABASE_CONNECTION},
 * {@code ConnectionStrings__DefaultConnection}, {@code REDIS_CONNECTION}, {@code RABBITMQ_CONNECTION}, …). They are
 * read from the environment or from files under {@code /run/secrets/} (configtree) and translated into Spring
 * properties, with lower precedence than explicit {@code SPRING_*} variables. Then, in the {@code prod} profile,
 * checks that no required secret is missing or left at a known default.
 */
public class DeploymentGuideAliases implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "echamadoDeploymentGuideAliases";

    private static final Map<String, Function<String, Map<String, Object>>> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put("DATABASE_CONNECTION", ConnectionStrings::database);
        ALIASES.put("ConnectionStrings__DefaultConnection", ConnectionStrings::database);
        ALIASES.put("REDIS_CONNECTION", ConnectionStrings::redis);
        ALIASES.put("ConnectionStrings__Redis", ConnectionStrings::redis);
        ALIASES.put("Redis__ConnectionString", ConnectionStrings::redis);
        ALIASES.put("RABBITMQ_CONNECTION", ConnectionStrings::rabbit);
        ALIASES.put("ConnectionStrings__RabbitMQ", ConnectionStrings::rabbit);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new LinkedHashMap<>();
        ALIASES.forEach((name, translate) -> {
            String value = environment.getProperty(name);
            if (value != null && !value.isBlank()) {
                translate.apply(value).forEach(properties::putIfAbsent);
            }
        });
        if (!properties.isEmpty()) {
            MapPropertySource source = new MapPropertySource(SOURCE_NAME, properties);
            if (environment
                    .getPropertySources()
                    .contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                environment
                        .getPropertySources()
                        .addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                environment.getPropertySources().addLast(source);
            }
        }
        if (environment.matchesProfiles("prod")) {
            ProductionSettings.check(environment);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
