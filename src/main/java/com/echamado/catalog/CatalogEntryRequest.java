package com.echamado.catalog;

import java.util.UUID;

/**
 * What an administrator sets on an entry. {@code nameEn} is the optional English name; {@code parentId} only for
 * subcategories, colour and flags for statuses.
 */
public record CatalogEntryRequest(
        String name,
        String nameEn,
        String description,
        UUID parentId,
        String color,
        Integer displayOrder,
        boolean initial,
        boolean resolving,
        boolean isFinal) {}
