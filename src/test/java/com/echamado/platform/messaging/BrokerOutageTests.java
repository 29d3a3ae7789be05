package com.echamado.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.echamado.EChamadoApplication;
import com.echamado.identity.Role;
import com.echamado.support.PrivateRabbitMq;
import com.echamado.support.Services;
import com.echamado.support.TestBroker;
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
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * RabbitMQ stopped under the application (a private broker, never the shared one): tickets are still accepted, the
 * in-process listeners handle their events as usual, the forwarder's publications wait in the outbox, and after the
 * broker is back every event reaches the subscriber's queue; each is consumed once.
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

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            open(http, token, "before the outage");
            await().atMost(Duration.ofSeconds(30)).until(() -> consumed(jdbc) == 1 && published(meters) == 1);

            broker.stopApp();
            List<String> during = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                during.add(open(http, token, "during the outage " + i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> forwarding(jdbc) >= 5);
            assertThat(published(meters)).as("nothing reached the broker").isEqualTo(1);
            // the in-process listeners do not need the broker: their work is done during the outage
            await().atMost(Duration.ofSeconds(30)).until(() -> consumed(jdbc) == 6);

            broker.startApp();
            await().atMost(Duration.ofSeconds(90)).until(() -> consumed(jdbc) == 6 && incomplete(jdbc) == 0);
            for (String id : during) {
                assertThat(jdbc.queryForObject(
                                "select count(*) from event_publication where serialized_event like ?"
                                        + " and listener_id = 'echamado.events.forwarder'",
                                Integer.class,
                                "%" + id + "%"))
                        .isEqualTo(1);
            }
            assertThat(published(meters)).as("every event reached the broker").isGreaterThanOrEqualTo(6);
            List<String> queued = queuedTicketIds(app.getBean(RabbitTemplate.class));
            assertThat(queued)
                    .as("the subscriber's queue holds every ticket's event")
                    .containsAll(during);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> consumed(jdbc) == 6);
            double processed = meters.counter(
                            "echamado.events.consumed", "consumer", "webhooks", "type", "ticket.opened")
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

    private static double published(MeterRegistry meters) {
        return meters.counter("echamado.events.published", "type", "ticket.opened")
                .count();
    }

    /** The ticket ids of the ticket.opened messages in the test profile's subscriber queue (drains it). */
    private static List<String> queuedTicketIds(RabbitTemplate rabbit) {
        List<String> ids = new ArrayList<>();
        Message message;
        while ((message = rabbit.receive("echamado." + TestBroker.SUBSCRIBER, 1000)) != null) {
            JsonNode json = TestHttp.JSON.readTree(message.getBody());
            if ("ticket.opened".equals(json.get("type").asString())) {
                ids.add(json.get("data").get("ticketId").asString());
            }
        }
        return ids;
    }

    /** Publications the forwarder has not handed to the broker yet. */
    private static int forwarding(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null"
                        + " and listener_id = 'echamado.events.forwarder'",
                Integer.class);
    }

    private static int incomplete(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null", Integer.class);
    }
}
