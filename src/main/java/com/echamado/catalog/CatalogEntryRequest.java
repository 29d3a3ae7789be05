package com.echamado.catalog;

import java.util.UUID;

/** What an administrator sets on an entry. {@code parentId} only for subcategories, colour and flags for statuses. */
public record CatalogEntryRequest(
        String name,
        String description,
        UUID parentId,
        String color,
        Integer displayOrder,
        boolean initial,
        boolean resolving,
        boolean isFinal) {}
