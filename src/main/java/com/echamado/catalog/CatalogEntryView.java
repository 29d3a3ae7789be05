package com.echamado.catalog;

import java.util.UUID;

/**
 * A catalog entry as other modules and the API see it. Status flags are false for other kinds; a status that
 * {@code awaitsCustomer} moves a ticket to {@code replyStatusId} when the requester replies. Serializable: it is
 * cached in Redis.
 */
public record CatalogEntryView(
        UUID id,
        CatalogKind kind,
        UUID parentId,
        String name,
        String description,
        boolean enabled,
        String color,
        int displayOrder,
        boolean initial,
        boolean resolving,
        boolean isFinal,
        long version,
        boolean awaitsCustomer,
        UUID replyStatusId)
        implements java.io.Serializable {}
