package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A list request: typed filters (each optional), full-text {@code q}, a Gridify {@code filter} and {@code orderBy},
 * and either a page number or a keyset {@code cursor} (default order only).
 */
public record TicketQuery(
        List<UUID> statuses,
        UUID departmentId,
        UUID typeId,
        UUID categoryId,
        Priority priority,
        UUID assigneeId,
        UUID requesterId,
        Boolean unassigned,
        Boolean overdue,
        Boolean closed,
        Instant openedFrom,
        Instant openedTo,
        Instant dueFrom,
        Instant dueTo,
        String q,
        String filter,
        String orderBy,
        int page,
        int size,
        String cursor) {

    public static TicketQuery firstPage(int size) {
        return new TicketQuery(
                List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, 0, size, null);
    }
}
