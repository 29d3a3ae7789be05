package com.echamado.catalog;

import java.util.UUID;

/**
 * What an administrator sets on an entry. {@code nameEn} is the optional English name; {@code parentId} only for
 * subcategories, colour and flags for statuses. {@code awaitsCustomer}: the status waits for the requester, whose
 * public reply moves the ticket to {@code replyStatusId}. {@code onHold}: the status holds the ticket (waiting for a third
 * party, a change window…); SLA clocks pause on it until the next status change, and a reply does not move it.
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
        UUID replyStatusId,
        boolean onHold) {}
