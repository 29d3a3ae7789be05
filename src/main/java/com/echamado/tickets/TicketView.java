package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.UUID;

/** A ticket as the API and the pages show it. {@code overdue}: due date passed and not closed. */
public record TicketView(
        UUID id,
        long number,
        String title,
        String description,
        UUID typeId,
        UUID categoryId,
        UUID subcategoryId,
        UUID departmentId,
        Priority priority,
        UUID statusId,
        boolean closed,
        UUID requesterId,
        UUID assigneeId,
        UUID createdBy,
        Instant dueAt,
        Instant openedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant updatedAt,
        String resolution,
        Integer rating,
        String ratingComment,
        boolean overdue,
        long version) {}
