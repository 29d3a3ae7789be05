package com.echamado.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What an {@code @ApplicationModuleTest} needs besides its modules: the run's Redis and RabbitMQ with the properties
 * the whole-service tests set ({@link IntegrationTest}), and a PostgreSQL database of its own. The modules that
 * consume its events are not there, so what it publishes stays in its own outbox instead of being delivered later by
 * the whole service's tests. Call it from the test's {@code @DynamicPropertySource}, and close the context after the
 * class ({@code @DirtiesContext}) so that its schedulers stop with it.
 */
public final class ModuleTest {

    private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

    private ModuleTest() {}

    public static void properties(DynamicPropertyRegistry registry, String module) {
        IntegrationTest.runProperties(
                registry, () -> DATABASES.computeIfAbsent(module, name -> TestDatabase.fresh(name + "_module")));
    }
}
