package com.echamado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.EChamadoApplication;
import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestBroker;
import com.echamado.support.TestDatabase;
import com.echamado.support.TestHttp;
import com.echamado.support.TestKeys;
import com.echamado.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances share one API budget per user through Redis: requests at A count against B's limit. */
class SharedApiRateLimitIntegrationTests extends IntegrationTest {

    @Test
    void requestsAtOneInstanceCountAgainstTheLimitAtAnother() {
        String token = users.token(users.create(Role.USER));
        try (ConfigurableApplicationContext b = new SpringApplicationBuilder(EChamadoApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabase.url(),
                        "--echamado.identity.signing-keys=" + TestKeys.RSA,
                        "--echamado.ratelimit.namespace=echamado-test-" + TestDatabase.RUN_ID,
                        "--spring.session.redis.namespace=echamado-test-" + TestDatabase.RUN_ID + ":session",
                        "--echamado.messaging.exchange=" + TestBroker.EXCHANGE,
                        "--echamado.messaging.queue-prefix=" + TestBroker.PREFIX,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.port(),
                        "--echamado.ratelimit.api-per-user=5")) {
            TestHttp instanceB =
                    new TestHttp("http://localhost:" + b.getEnvironment().getProperty("local.server.port"));
            for (int i = 0; i < 3; i++) {
                assertThat(http().json("GET", "/api/v1/me", token, null).statusCode())
                        .isEqualTo(200);
            }
            assertThat(instanceB.json("GET", "/api/v1/me", token, null).statusCode())
                    .isEqualTo(200);
            assertThat(instanceB.json("GET", "/api/v1/me", token, null).statusCode())
                    .isEqualTo(200);
            var refused = instanceB.json("GET", "/api/v1/me", token, null);
            assertThat(refused.statusCode())
                    .as("6th request of the user across both instances")
                    .isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
