package com.echamado.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.echamado.EChamadoApplication;
import com.echamado.identity.Role;
import com.echamado.support.PrivateRabbitMq;
import com.echamado.support.Services;
import com.echamado.support.TestDatabase;
import com.echamado.support.TestHttp;
import com.echamado.support.TestKeys;
import com.echamado.support.TestMail;
import com.echamado.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RabbitMQ stopped under the application (a private broker, never the shared one): tickets are still accepted,
 * their publications wait in the outbox, and after the broker is back every event arrives and is consumed once.
 */
@ExtendWith(Services.class)
class BrokerOutageTests {

    @Test
    void ticketsAreAcceptedWhileRabbitMqIsDownAndTheirEventsArriveOnceAfterwards(@TempDir Path dir) {
        try (PrivateRabbitMq broker = PrivateRabbitMq.start(dir.resolve("rabbitmq"));
                ConfigurableApplicationContext app = start(broker)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            TestUsers users = app.getBean(TestUsers.class);
            String token = users.token(users.create(Role.USER));
            TestHttp http =
                    new TestHttp("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));

            open(http, token, "before the outage");
            await().atMost(Duration.ofSeconds(30)).until(() -> consumed(jdbc) == 1);

            broker.stopApp();
            List<String> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                during.add(open(http, token, "during the outage " + i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(jdbc) >= 5);
            assertThat(consumed(jdbc)).isEqualTo(1);

            broker.startApp();
            await().atMost(Duration.ofSeconds(90)).until(() -> consumed(jdbc) == 6 && incomplete(jdbc) == 0);
            for (String id : during) {
                assertThat(jdbc.queryForObject(
                                "select count(*) from event_publication where serialized_event like ?"
                                        + " and listener_id = 'echamado.events.forwarder'", // the sla module listens
                                // too
                                Integer.class,
                                "%" + id + "%"))
                        .isEqualTo(1);
            }
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> consumed(jdbc) == 6);
            double processed = app.getBean(MeterRegistry.class)
                    .counter("echamado.events.consumed", "consumer", "webhooks", "type", "ticket.opened")
                    .count();
            assertThat(processed).as("each event processed exactly once").isEqualTo(6);
        }
    }

    private static ConfigurableApplicationContext start(PrivateRabbitMq broker) {
        String run = "echamado-outage-" + TestDatabase.RUN_ID;
        return new SpringApplicationBuilder(EChamadoApplication.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + TestDatabase.fresh("outage"),
                        "--echamado.identity.signing-keys=" + TestKeys.RSA,
                        "--echamado.ratelimit.namespace=" + run,
                        "--spring.session.redis.namespace=" + run + ":session",
                        "--spring.rabbitmq.port=" + broker.port(),
                        "--spring.rabbitmq.listener.simple.retry.initial-interval=200ms",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.port(),
                        "--echamado.messaging.confirm-timeout=2s",
                        "--echamado.messaging.resubmit-after=2s",
                        "--echamado.messaging.resubmit-interval=1s",
                        "--server.port=0");
    }

    private static String open(TestHttp http, String token, String title) {
        HttpResponse<String> created =
                http.json("POST", "/api/v1/tickets", token, TestHttp.NEW_TICKET.formatted(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.parse(created).get("id").asString();
    }

    private static int consumed(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "select count(*) from event_inbox where consumer = 'webhooks' and event_type = 'ticket.opened'",
                Integer.class);
    }

    private static int incomplete(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null", Integer.class);
    }
}
