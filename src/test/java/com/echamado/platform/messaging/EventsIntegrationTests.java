package com.echamado.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.echamado.catalog.Priority;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestBroker;
import com.echamado.support.TestEvents;
import com.echamado.support.TestHttp;
import com.echamado.tickets.Actor;
import com.echamado.tickets.NewTicket;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketOpened;
import com.echamado.tickets.TicketStatusChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The outbox on the real RabbitMQ: confirmed publishing to the subscribers' queues, nothing for rolled-back changes,
 * idempotent in-process listeners.
 */
class EventsIntegrationTests extends IntegrationTest {

    static final String SUPPORT = "00000000-0000-4000-8000-000000000201";
    static final String INCIDENT = "00000000-0000-4000-8000-000000000301";
    static final String HARDWARE = "00000000-0000-4000-8000-000000000401";

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketManagement tickets;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventCodec codec;

    @Autowired
    ApplicationEventPublisher events;

    String queue;

    @BeforeEach
    void testQueue() {
        queue = TestBroker.queue("tickets-" + UUID.randomUUID().toString().substring(0, 8));
        Queue q = new Queue(queue, false, false, false);
        admin.declareQueue(q);
        admin.declareBinding(BindingBuilder.bind(q)
                .to(new TopicExchange(TestBroker.EXCHANGE))
                .with("ticket.#"));
    }

    @Test
    void aCommittedChangePublishesExactlyOneConfirmedMessage() {
        UserView requester = users.create(Role.USER);
        String body = """
                {"title":"Monitor piscando","description":"x","typeId":"%s","categoryId":"%s","departmentId":"%s"}
                """.formatted(INCIDENT, HARDWARE, SUPPORT);
        var created = http().json("POST", "/api/v1/tickets", users.token(requester), body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String ticketId = TestHttp.parse(created).get("id").asString();

        List<JsonNode> messages = drainFor(ticketId, Duration.ofSeconds(10), 1);
        messages.addAll(drainFor(ticketId, Duration.ofSeconds(2), Integer.MAX_VALUE));

        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.get("type").asString()).isEqualTo("ticket.opened");
        assertThat(message.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(message.get("id").asString()).isNotBlank();
        assertThat(message.get("occurredAt").asString()).isNotBlank();
        assertThat(message.get("data").get("requesterId").asString())
                .isEqualTo(requester.id().toString());
        assertThat(message.get("data").get("number").asLong()).isPositive();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select count(*) from event_publication where serialized_event like ?"
                                        + " and completion_date is null",
                                Integer.class,
                                "%" + ticketId + "%"))
                        .isZero());
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        UserView requester = users.create(Role.USER);
        Actor actor = tickets.actor(requester.id(), false, false);
        String title = "Rolled back " + UUID.randomUUID();
        List<UUID> opened = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            opened.add(tickets.open(actor, newTicket(title)).id());
            status.setRollbackOnly();
        });

        assertThat(drainFor(opened.get(0).toString(), Duration.ofSeconds(3), Integer.MAX_VALUE))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_publication where serialized_event like ?",
                        Integer.class,
                        "%" + opened.get(0) + "%"))
                .isZero();
    }

    @Test
    void anEventDeliveredTwiceIsProcessedOnce() {
        UserView requester = users.create(Role.USER);
        TicketStatusChanged event = TestEvents.statusChanged(requester.id(), 4242, "Duplicated");
        // the registry delivers at least once: the same event (same id) reaches every listener twice
        publishTwice(event);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(inboxRows(event.eventId())).isEqualTo(2)); // email + webhooks
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(inboxRows(event.eventId())).isEqualTo(2);
            assertThat(com.echamado.support.TestMail.SMTP.getReceivedMessagesForDomain(requester.email()))
                    .hasSize(1);
        });
    }

    @Test
    void anUnroutableEventIsNotConfirmed() {
        String lonely = TestBroker.PREFIX + ".test.unbound";
        admin.declareExchange(new TopicExchange(lonely, false, true));
        var nowhere = properties(lonely, Map.of("someone", List.of("#")));
        TicketOpened event = opened();
        try {
            assertThatThrownBy(() -> new RabbitEventSink(rabbit, codec, nowhere).send(event))
                    .isInstanceOf(EventNotDeliveredException.class)
                    .hasMessageContaining("unroutable");
        } finally {
            admin.deleteExchange(lonely);
        }
    }

    @Test
    void anEventNoSubscriberBindsCompletesWithoutAPublish() {
        String lonely = TestBroker.PREFIX + ".test.nobody";
        admin.declareExchange(new TopicExchange(lonely, false, true));
        var nobody = properties(lonely, Map.of("erp", List.of("ticket.closed")));
        var meters = new SimpleMeterRegistry();
        var forwarder = new EventForwarder(
                new RabbitEventSink(rabbit, codec, nobody), new EventTypes("com.echamado"), nobody, meters);
        try {
            // unbound, it would be unroutable and throw; unsubscribed, it is not sent at all
            forwarder.on(opened());
            assertThat(meters.find("echamado.events.published").counters()).isEmpty();
            assertThat(meters.find("echamado.events.publish.failures").counters())
                    .isEmpty();
        } finally {
            admin.deleteExchange(lonely);
        }
    }

    @Test
    void theCodecRoundTripsEveryEventTypeItKnows() {
        assertThat(Set.copyOf(new EventTypes("com.echamado").names()))
                .contains(
                        "ticket.opened",
                        "ticket.assigned",
                        "ticket.status-changed",
                        "ticket.resolved",
                        "ticket.closed",
                        "ticket.reopened",
                        "ticket.rated",
                        "comment.added",
                        "catalog.entry-created",
                        "catalog.entry-changed",
                        "catalog.entry-disabled",
                        "user.created",
                        "user.roles-changed");
    }

    private void publishTwice(Object event) {
        for (int i = 0; i < 2; i++) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
        }
    }

    private int inboxRows(UUID eventId) {
        return jdbc.queryForObject("select count(*) from event_inbox where event_id = ?", Integer.class, eventId);
    }

    private List<JsonNode> drainFor(String ticketId, Duration within, int enough) {
        List<JsonNode> found = new ArrayList<>();
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end && found.size() < enough) {
            Message message = rabbit.receive(queue, 200);
            if (message != null) {
                JsonNode json = TestHttp.JSON.readTree(message.getBody());
                if (ticketId.equals(json.get("data").path("ticketId").asString())) {
                    found.add(json);
                }
            }
        }
        return found;
    }

    /** Messaging settings publishing to the given exchange, for the given subscribers. */
    static MessagingProperties properties(String exchange, Map<String, List<String>> subscribers) {
        return new MessagingProperties(
                true,
                exchange,
                TestBroker.PREFIX,
                subscribers,
                Duration.ofSeconds(5),
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                10,
                4,
                Duration.ofDays(1));
    }

    private static TicketOpened opened() {
        return new TicketOpened(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                1,
                "t",
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Priority.LOW,
                UUID.randomUUID());
    }

    private static NewTicket newTicket(String title) {
        return new NewTicket(
                title,
                "x",
                UUID.fromString(INCIDENT),
                UUID.fromString(HARDWARE),
                null,
                UUID.fromString(SUPPORT),
                Priority.NORMAL,
                null,
                null);
    }
}
