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
 * Idempotent listeners: the event publication registry delivers at least once (a failed or interrupted listener is
 * resubmitted), so a listener does its work through {@link #once}: in one transaction (the listener's own, which
 * {@code @ApplicationModuleListener} starts), record (consumer, event id) in {@code event_inbox} and do the work. A
 * second delivery of the same event finds the row and does nothing; failing work rolls the row back, so the
 * resubmission does it again.
 */
public class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final EventTypes types;

    Inbox(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters, Clock clock, EventTypes types) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
        this.types = types;
    }

    /** Runs the work unless this consumer processed the event before; returns whether it ran. */
    public boolean once(String consumer, DomainEvent event, Runnable work) {
        String type = types.nameOf(event);
        Instant now = clock.instant();
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.update(
                    "insert into event_inbox (consumer, event_id, event_type, processed_at) values (?, ?, ?, ?)"
                            + " on conflict do nothing",
                    consumer,
                    event.eventId(),
                    type,
                    Timestamp.from(now));
            if (inserted == 0) {
                return false;
            }
            work.run();
            return true;
        });
        if (Boolean.TRUE.equals(ran)) {
            Counter.builder("echamado.events.consumed")
                    .description("Events processed by a consumer (each event once)")
                    .tag("consumer", consumer)
                    .tag("type", type)
                    .register(meters)
                    .increment();
            Timer.builder("echamado.events.consumer.lag")
                    .description("Time from the event to its processing by the consumer")
                    .tag("consumer", consumer)
                    .register(meters)
                    .record(Duration.between(event.occurredAt(), clock.instant()));
            return true;
        }
        LOG.debug("Event {} already processed by {}", event.eventId(), consumer);
        meters.counter("echamado.events.duplicates", "consumer", consumer).increment();
        return false;
    }
}
