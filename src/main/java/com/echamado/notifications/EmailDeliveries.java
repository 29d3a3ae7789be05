package com.echamado.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers, per (event, recipient), that the event's mail was sent. The e-mail consumer runs in the inbox's
 * transaction, which a failing recipient rolls back; the record is committed in a transaction of its own right after
 * each send, so the retry or redelivery of the event skips the recipients already served. A crash between the send
 * and the record can still mean one second copy (SMTP offers no idempotent send).
 */
@Component
class EmailDeliveries {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    EmailDeliveries(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    boolean sent(UUID eventId, UUID recipientId) {
        Integer rows = jdbc.queryForObject(
                "select count(*) from email_delivery where event_id = ? and recipient_id = ?",
                Integer.class,
                eventId,
                recipientId);
        return rows != null && rows > 0;
    }

    void record(UUID eventId, UUID recipientId) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "insert into email_delivery (event_id, recipient_id, sent_at) values (?, ?, ?) on conflict do nothing",
                eventId,
                recipientId,
                Timestamp.from(clock.instant())));
    }
}
