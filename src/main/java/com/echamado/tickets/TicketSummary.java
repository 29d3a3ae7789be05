package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.UUID;

/** One row of a ticket list. */
public record TicketSummary(
        UUID id,
        long number,
        String title,
        UUID statusId,
        boolean closed,
        Priority priority,
        UUID departmentId,
        UUID typeId,
        UUID categoryId,
        UUID requesterId,
        UUID assigneeId,
        Instant openedAt,
        Instant dueAt,
        Instant updatedAt,
        boolean overdue) {}
