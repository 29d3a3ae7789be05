package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.UUID;

/** Where a ticket stands as it was written to the database: its department, status, people and times. */
public record TicketState(
        UUID departmentId,
        UUID statusId,
        Priority priority,
        boolean closed,
        UUID assigneeId,
        Instant openedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt) {}
