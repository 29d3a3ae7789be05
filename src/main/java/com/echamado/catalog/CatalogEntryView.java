package com.echamado.catalog;

import java.util.Locale;
import java.util.UUID;

/**
 * A catalog entry as other modules and the API see it. {@code nameEn}, the English name, is optional. Status flags
 * are false for other kinds; a status that {@code awaitsCustomer} moves a ticket to {@code replyStatusId} when the
 * requester replies; a status {@code onHold} pauses the SLA clocks until the next status change. Serializable: it is cached in Redis.
 */
public record CatalogEntryView(
        UUID id,
        CatalogKind kind,
        UUID parentId,
        String name,
        String nameEn,
        String description,
        boolean enabled,
        String color,
        int displayOrder,
        boolean initial,
        boolean resolving,
        boolean isFinal,
        long version,
        boolean awaitsCustomer,
        UUID replyStatusId,
        boolean onHold)
        implements java.io.Serializable {

    /** The entry as a reader of this language sees it: the English name in English when there is one. */
    public CatalogEntryView in(Locale locale) {
        if (nameEn == null || nameEn.isBlank() || !"en".equals(locale.getLanguage())) {
            return this;
        }
        return new CatalogEntryView(
                id,
                kind,
                parentId,
                nameEn,
                nameEn,
                description,
                enabled,
                color,
                displayOrder,
                initial,
                resolving,
                isFinal,
                version,
                awaitsCustomer,
                replyStatusId,
                onHold);
    }
}
