package com.echamado.platform.messaging;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Resubmits incomplete event publications older than the staleness threshold, on one replica at a time: the run
 * holds a PostgreSQL advisory lock ({@code pg_try_advisory_lock}); a replica that does not get it skips this
 * round. Nothing is republished at start-up. In-process listeners are resubmitted until they failed {@code
 * max-attempts} times ({@link DeadLetters}); the forwarder until the broker confirms. Also deletes completed
 * publications after their retention.
 */
class OutboxResubmission {

    /** Lock key: "echamado outbox" folded into a long. */
    static final long LOCK_KEY = 0x6563_6861_6d61_646fL;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final MessagingProperties properties;

    OutboxResubmission(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            DataSource dataSource,
            JdbcTemplate jdbc,
            MessagingProperties properties) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(
            initialDelayString = "${echamado.messaging.resubmit-interval}",
            fixedDelayString = "${echamado.messaging.resubmit-interval}")
    void run() {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryLock(connection)) {
                LOG.debug("Another replica is resubmitting event publications");
                return;
            }
            try {
                resubmit();
            } finally {
                unlock(connection);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Resubmission of event publications failed: {}", e.toString());
        }
    }

    /** One round without the lock (the scheduled run takes it first). */
    void resubmit() {
        Set<UUID> dead = new HashSet<>(jdbc.queryForList(
                "select id from event_publication where " + DeadLetters.CONDITION,
                UUID.class,
                properties.maxAttempts()));
        AtomicInteger budget = new AtomicInteger(properties.resubmitBatch());
        incomplete.resubmitIncompletePublications(publication -> publication
                        .getPublicationDate()
                        .isBefore(java.time.Instant.now().minus(properties.resubmitAfter()))
                && !dead.contains(publication.getIdentifier())
                && budget.getAndDecrement() > 0);
        int resubmitted = properties.resubmitBatch() - Math.max(budget.get(), 0);
        if (resubmitted > 0) {
            LOG.info("Resubmitted {} incomplete event publication(s)", resubmitted);
        }
        completed.deletePublicationsOlderThan(properties.keepCompleted());
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
        }
    }
}
