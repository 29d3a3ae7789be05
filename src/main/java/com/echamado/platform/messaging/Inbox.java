package com.echamado.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent consumption: in one transaction, record (consumer, event id) in {@code event_inbox} and run the
 * consumer. A second delivery of the same event finds the row and does nothing; a failing consumer rolls the row
 * back, so the redelivery runs it again.
 */
class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    Inbox(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Returns true if the consumer ran, false if the event had been processed before. */
    boolean process(EventConsumer consumer, EventMessage message) {
        Instant now = clock.instant();
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.update(
                    "insert into event_inbox (consumer, event_id, event_type, processed_at) values (?, ?, ?, ?)"
                            + " on conflict do nothing",
                    consumer.name(),
                    message.id(),
                    message.type(),
                    Timestamp.from(now));
            if (inserted == 0) {
                return false;
            }
            consumer.consume(message);
            return true;
        });
        if (Boolean.TRUE.equals(ran)) {
            Counter.builder("echamado.events.consumed")
                    .description("Events processed by a consumer (each event once)")
                    .tag("consumer", consumer.name())
                    .tag("type", message.type())
                    .register(meters)
                    .increment();
            Timer.builder("echamado.events.consumer.lag")
                    .description("Time from the event to its processing by the consumer")
                    .tag("consumer", consumer.name())
                    .register(meters)
                    .record(Duration.between(message.occurredAt(), clock.instant()));
            return true;
        }
        LOG.debug("Event {} already processed by {}", message.id(), consumer.name());
        meters.counter("echamado.events.duplicates", "consumer", consumer.name())
                .increment();
        return false;
    }
}
