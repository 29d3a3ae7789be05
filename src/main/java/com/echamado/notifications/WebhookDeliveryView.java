package com.echamado.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * One event's delivery to a webhook: {@code status} PENDING (waiting for its next attempt), DELIVERED, FAILED (gave
 * up after the last attempt) or CANCELLED (the webhook was disabled or deleted); the last HTTP status or error.
 */
public record WebhookDeliveryView(
        UUID id,
        UUID eventId,
        String eventType,
        String status,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant completedAt) {}
