package com.echamado.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What an {@code @ApplicationModuleTest} needs besides its module: this run's PostgreSQL database and the properties
 * the whole-service tests set ({@link IntegrationTest#runProperties}). Call it from the test's
 * {@code @DynamicPropertySource}.
 */
public final class ModuleTest {

    private ModuleTest() {}

    public static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.runProperties(registry);
    }
}
