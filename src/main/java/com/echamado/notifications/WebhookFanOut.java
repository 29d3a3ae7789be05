package com.echamado.notifications;

import com.echamado.platform.messaging.EventConsumer;
import com.echamado.platform.messaging.EventMessage;
import com.echamado.platform.messaging.RoutingKeys;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Consumes every event and records one pending delivery per enabled webhook whose patterns match, in the inbox's
 * transaction; {@link WebhookDispatcher} sends them. The payload is the event message exactly as it travelled.
 */
@Component
class WebhookFanOut implements EventConsumer {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookFanOut(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public List<String> bindings() {
        return List.of("#");
    }

    @Override
    public void consume(EventMessage message) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.query("select id, event_types from webhook where enabled = true", row -> {
            boolean wanted = Arrays.stream(row.getString("event_types").split(","))
                    .anyMatch(pattern -> RoutingKeys.matches(pattern, message.type()));
            if (wanted) {
                jdbc.update(
                        "insert into webhook_delivery (id, webhook_id, event_id, event_type, payload, status,"
                                + " attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
                                + " on conflict do nothing",
                        UUID.randomUUID(),
                        row.getObject("id", UUID.class),
                        message.id(),
                        message.type(),
                        message.json(),
                        now,
                        now);
            }
        });
    }
}
