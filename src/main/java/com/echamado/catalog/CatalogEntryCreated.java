package com.echamado.catalog;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** An administrator added a catalog entry. */
@NamedInterface("events")
@Externalized("echamado.events::catalog.entry-created")
public record CatalogEntryCreated(
        UUID eventId, Instant occurredAt, UUID entryId, CatalogKind kind, UUID parentId, String name)
        implements DomainEvent {}
