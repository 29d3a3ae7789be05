package com.echamado.support;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of integration tests: the whole service on a random port over real HTTP, on this run's PostgreSQL database,
 * the local Redis and RabbitMQ, with a {@link TestClock} a test may move forward. All subclasses share one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(Services.class)
@Import(TestClock.Configuration.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestUsers users;

    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void runProperties(DynamicPropertyRegistry registry) {
        runProperties(registry, TestDatabase::url);
    }

    /** The run's services for a context on the database {@code url} names. */
    static void runProperties(DynamicPropertyRegistry registry, Supplier<Object> url) {
        registry.add("spring.datasource.url", url);
        registry.add("echamado.identity.signing-keys", () -> TestKeys.RSA);
        registry.add("echamado.ratelimit.namespace", () -> "echamado-test-" + TestDatabase.RUN_ID);
        registry.add("spring.session.redis.namespace", () -> "echamado-test-" + TestDatabase.RUN_ID + ":session");
        registry.add("echamado.messaging.exchange", () -> TestBroker.EXCHANGE);
        registry.add("echamado.messaging.queue-prefix", () -> TestBroker.PREFIX);
        registry.add("spring.mail.host", () -> Services.HOST);
        registry.add("spring.mail.port", TestMail::port);
    }

    protected TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
