package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of a ticket list. {@code slaDueAt}: the deadline of the ticket's nearest running service-level target, null
 * when none runs; {@code slaState} why: RUNNING, PAUSED (waiting for the customer) or null (no SLA, or all targets
 * decided). Kept by the sla module ({@link TicketManagement#recordServiceDeadline}).
 */
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
        boolean overdue,
        Instant slaDueAt,
        String slaState) {

    /** Whether the nearest SLA deadline has passed at {@code now}. */
    public boolean slaLate(Instant now) {
        return slaDueAt != null && !slaDueAt.isAfter(now);
    }

    /** Whether the nearest SLA deadline comes within {@code within} of {@code now} (and has not passed). */
    public boolean slaDueWithin(Instant now, java.time.Duration within) {
        return slaDueAt != null && slaDueAt.isAfter(now) && !slaDueAt.isAfter(now.plus(within));
    }
}
