package com.echamado.platform.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as a consumer receives it: the envelope's fields, the event as its record, and the JSON exactly as it
 * travelled (what webhooks deliver).
 */
public record EventMessage(
        UUID id, String type, int schemaVersion, Instant occurredAt, DomainEvent event, String json) {}
