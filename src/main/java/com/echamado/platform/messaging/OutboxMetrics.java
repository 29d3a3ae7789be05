package com.echamado.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Outbox gauges, refreshed on a schedule rather than on every scrape: {@code echamado_outbox_backlog} (incomplete
 * publications) and {@code echamado_outbox_oldest_age_seconds} (age of the oldest one; 0 when there is none).
 */
class OutboxMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxMetrics.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("echamado.outbox.backlog", backlog, AtomicLong::get)
                .description("Event publications not yet confirmed by the broker")
                .register(meters);
        Gauge.builder("echamado.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest incomplete event publication")
                .baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${echamado.messaging.metrics-interval:15s}")
    void refresh() {
        try {
            jdbc.query(
                    "select count(*), min(publication_date) from event_publication where completion_date is null",
                    row -> {
                        backlog.set(row.getLong(1));
                        Timestamp oldest = row.getTimestamp(2);
                        oldestAgeSeconds.set(
                                oldest == null
                                        ? 0
                                        : Math.max(
                                                0,
                                                Duration.between(oldest.toInstant(), clock.instant())
                                                        .toSeconds()));
                    });
        } catch (RuntimeException e) {
            LOG.debug("Outbox metrics not refreshed: {}", e.toString());
        }
    }
}
