package com.echamado.catalog;

import com.echamado.platform.messaging.DomainEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.events.Externalized;

/** A catalog entry was edited or enabled again. */
@NamedInterface("events")
@Externalized("echamado.events::catalog.entry-changed")
public record CatalogEntryChanged(
        UUID eventId, Instant occurredAt, UUID entryId, CatalogKind kind, UUID parentId, String name, boolean enabled)
        implements DomainEvent {}
