package com.echamado.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Per in-process consumer, from the event publication registry: {@code echamado_events_queue_depth} (events it has
 * not processed yet: its lag in events) and {@code echamado_events_dead_letters} (events it failed {@code
 * max-attempts} times, {@link DeadLetters}). A consumer seen once keeps reporting, 0 when it has nothing waiting.
 */
class ListenerMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerMetrics.class);

    private final JdbcTemplate jdbc;
    private final MessagingProperties properties;
    private final MultiGauge waiting;
    private final MultiGauge dead;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    ListenerMetrics(JdbcTemplate jdbc, MessagingProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.waiting = MultiGauge.builder("echamado.events.queue.depth")
                .description("Events waiting for the consumer")
                .register(meters);
        this.dead = MultiGauge.builder("echamado.events.dead.letters")
                .description("Events the consumer failed after its retries")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${echamado.messaging.metrics-interval:15s}")
    void refresh() {
        try {
            Map<String, long[]> counts = new TreeMap<>();
            seen.forEach(consumer -> counts.put(consumer, new long[2]));
            jdbc.query(
                    "select listener_id, count(*), count(*) filter (where " + DeadLetters.CONDITION + ")"
                            + " from event_publication where completion_date is null and listener_id <> ?"
                            + " group by listener_id",
                    row -> {
                        long[] values =
                                counts.computeIfAbsent(DeadLetters.consumer(row.getString(1)), c -> new long[2]);
                        values[0] += row.getLong(2);
                        values[1] += row.getLong(3);
                    },
                    properties.maxAttempts(),
                    EventForwarder.ID);
            seen.addAll(counts.keySet());
            List<MultiGauge.Row<?>> depth = new ArrayList<>();
            List<MultiGauge.Row<?>> letters = new ArrayList<>();
            counts.forEach((consumer, values) -> {
                depth.add(MultiGauge.Row.of(Tags.of("consumer", consumer), values[0]));
                letters.add(MultiGauge.Row.of(Tags.of("consumer", consumer), values[1]));
            });
            waiting.register(depth, true);
            dead.register(letters, true);
        } catch (RuntimeException e) {
            LOG.debug("Listener metrics not refreshed: {}", e.toString());
        }
    }
}
