package com.echamado.catalog;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** An unused catalog entry was deleted. */
@NamedInterface("events")
@Externalized("echamado.events::catalog.entry-deleted")
public record CatalogEntryDeleted(UUID eventId, Instant occurredAt, UUID entryId, CatalogKind kind)
        implements DomainEvent {}
