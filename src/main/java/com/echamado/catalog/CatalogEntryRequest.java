package com.echamado.catalog;

import java.util.UUID;

/**
 * What an administrator sets on an entry. {@code nameEn} is the optional English name; {@code parentId} only for
 * subcategories, colour and flags for statuses. {@code awaitsCustomer}: the status waits for the requester, whose
 * public reply moves the ticket to {@code replyStatusId}.
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
        boolean isFinal,
        boolean awaitsCustomer,
        UUID replyStatusId) {}
