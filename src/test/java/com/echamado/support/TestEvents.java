package com.echamado.support;

import com.echamado.tickets.TicketStatusChanged;
import java.time.Instant;
import java.util.UUID;

/** Events made up by tests, for tickets that need not exist: the listeners only read the event. */
public final class TestEvents {

    private TestEvents() {}

    /** Someone else moved the requester's ticket to "Em andamento": the requester gets a mail. */
    public static TicketStatusChanged statusChanged(UUID requesterId, long number, String title) {
        return new TicketStatusChanged(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                number,
                title,
                requesterId,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Em andamento",
                false,
                UUID.randomUUID());
    }
}
