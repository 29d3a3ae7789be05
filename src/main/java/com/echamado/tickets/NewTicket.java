package com.echamado.tickets;

import com.echamado.catalog.Priority;
import java.time.Instant;
import java.util.UUID;

/** A ticket to open. {@code requesterId} only when an agent opens it on someone's behalf. */
public record NewTicket(
        String title,
        String description,
        UUID typeId,
        UUID categoryId,
        UUID subcategoryId,
        UUID departmentId,
        Priority priority,
        Instant dueAt,
        UUID requesterId) {

    /** As a requester may open it: no due date, and the priority only when {@code keepPriority}. */
    NewTicket withoutDeskFields(boolean keepPriority) {
        return new NewTicket(
                title,
                description,
                typeId,
                categoryId,
                subcategoryId,
                departmentId,
                keepPriority ? priority : null,
                null,
                requesterId);
    }
}
