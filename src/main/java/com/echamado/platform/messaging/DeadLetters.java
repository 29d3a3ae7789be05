package com.echamado.platform.messaging;

/**
 * When a publication is a dead letter: an in-process listener (id {@code echamado.<consumer>[.<detail>]}) failed
 * it {@code maxAttempts} times (the first run and the resubmissions). Resubmission leaves dead letters alone until an
 * operator resets them (docs/operations.md); the forwarder is never dead, it waits for the broker. Resubmission and
 * the metrics both use this condition.
 */
final class DeadLetters {

    /** SQL over {@code event_publication} with one parameter, maxAttempts. */
    static final String CONDITION = "completion_date is null and status = 'FAILED' and listener_id <> '"
            + EventForwarder.ID + "' and coalesce(completion_attempts, 1) >= ?";

    private DeadLetters() {}

    /** The consumer a listener id names: {@code echamado.email.ticket-opened} → {@code email}. */
    static String consumer(String listenerId) {
        String[] parts = listenerId.split("\\.");
        return parts.length > 1 && parts[0].equals("echamado") ? parts[1] : listenerId;
    }
}
