package com.echamado.catalog;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** A catalog entry was disabled: old tickets keep it, new ones cannot use it. */
@NamedInterface("events")
@Externalized("echamado.events::catalog.entry-disabled")
public record CatalogEntryDisabled(UUID eventId, Instant occurredAt, UUID entryId, CatalogKind kind, String name)
        implements DomainEvent {}
