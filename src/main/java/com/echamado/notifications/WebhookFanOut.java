package com.echamado.notifications;

import com.echamado.platform.messaging.DomainEvent;
import com.echamado.platform.messaging.EventCodec;
import com.echamado.platform.messaging.Inbox;
import com.echamado.platform.messaging.RoutingKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes every event (the listener's parameter is {@link DomainEvent}, which every event record implements) and
 * records one pending delivery per enabled webhook whose patterns match the event's type, in the listener's
 * transaction, through the {@link Inbox}; {@link WebhookDispatcher} sends them, on whichever replica claims them
 * first. The payload is the event's JSON, the same that RabbitMQ subscribers receive.
 */
@Component
class WebhookFanOut {

    static final String CONSUMER = "webhooks";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Inbox inbox;
    private final EventCodec codec;

    WebhookFanOut(JdbcTemplate jdbc, Clock clock, Inbox inbox, EventCodec codec) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.inbox = inbox;
        this.codec = codec;
    }

    @ApplicationModuleListener(id = "echamado.webhooks")
    void on(DomainEvent event) {
        inbox.once(CONSUMER, event, () -> fanOut(event));
    }

    private void fanOut(DomainEvent event) {
        String type = codec.type(event);
        String payload = codec.json(event);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.query("select id, event_types from webhook where enabled = true", row -> {
            boolean wanted = Arrays.stream(row.getString("event_types").split(","))
                    .anyMatch(pattern -> RoutingKeys.matches(pattern, type));
            if (wanted) {
                jdbc.update(
                        "insert into webhook_delivery (id, webhook_id, event_id, event_type, payload, status,"
                                + " attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
                                + " on conflict do nothing",
                        UUID.randomUUID(),
                        row.getObject("id", UUID.class),
                        event.eventId(),
                        type,
                        payload,
                        now,
                        now);
            }
        });
    }
}
