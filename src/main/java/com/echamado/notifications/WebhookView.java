package com.echamado.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered webhook as administrators see it; the secret is never shown again. */
public record WebhookView(
        UUID id,
        String url,
        List<String> eventTypes,
        boolean enabled,
        int consecutiveFailures,
        Instant createdAt,
        Instant disabledAt) {}
