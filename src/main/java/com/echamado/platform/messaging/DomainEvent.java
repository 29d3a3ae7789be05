package com.echamado.platform.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact a module publishes after a change, as a past-tense record annotated with
 * {@code @Externalized("echamado.events::<routing key>")}. The event id identifies the fact everywhere: consumers
 * deduplicate by it. {@link #schemaVersion()} changes only when a field changes meaning or disappears.
 */
public interface DomainEvent {

    UUID eventId();

    Instant occurredAt();

    default int schemaVersion() {
        return 1;
    }
}
