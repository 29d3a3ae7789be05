package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.UUID;

/** A partial update: null leaves a field as it is; the clear flags empty optional fields. */
public record TicketChanges(
        String title,
        String description,
        UUID typeId,
        UUID categoryId,
        UUID subcategoryId,
        boolean clearSubcategory,
        UUID departmentId,
        Priority priority,
        Instant dueAt,
        boolean clearDueAt) {}
