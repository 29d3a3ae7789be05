package com.echamado.tickets;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset cursor of a default-ordered list: the (opened_at, id) of the last row of a page, as URL-safe text. The
 * next page starts after it, however deep, without an OFFSET.
 */
final class TicketCursor {

    private TicketCursor() {}

    static String encode(Instant openedAt, UUID id) {
        String raw = openedAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position as the two parameters of {@code (t.opened_at, t.id) < (?, ?)}. */
    static Object[] decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 2);
            return new Object[] {Timestamp.from(Instant.parse(parts[0])), UUID.fromString(parts[1])};
        } catch (RuntimeException e) {
            throw TicketException.invalid("cursor", "The cursor is not valid; start from the first page");
        }
    }
}
