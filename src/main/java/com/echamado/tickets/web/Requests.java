package com.echamado.tickets.web;

import com.echamado.catalog.Priority;
import com.echamado.tickets.NewTicket;
import com.echamado.tickets.TicketChanges;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request bodies of the tickets API, validated at the edge. */
final class Requests {

    private Requests() {}

    record CreateTicket(
            @NotBlank @Size(min = 5, max = 200) String title,
            @NotNull @Size(max = 10_000) String description,
            @NotNull UUID typeId,
            @NotNull UUID categoryId,
            UUID subcategoryId,
            @NotNull UUID departmentId,
            Priority priority,
            Instant dueAt,
            UUID requesterId) {

        NewTicket toNewTicket() {
            return new NewTicket(
                    title, description, typeId, categoryId, subcategoryId, departmentId, priority, dueAt, requesterId);
        }
    }

    record UpdateTicket(
            @Size(min = 5, max = 200) String title,
            @Size(max = 10_000) String description,
            UUID typeId,
            UUID categoryId,
            UUID subcategoryId,
            Boolean clearSubcategory,
            UUID departmentId,
            Priority priority,
            Instant dueAt,
            Boolean clearDueAt) {

        TicketChanges toChanges() {
            return new TicketChanges(
                    title == null ? null : title.isBlank() ? "" : title,
                    description,
                    typeId,
                    categoryId,
                    subcategoryId,
                    Boolean.TRUE.equals(clearSubcategory),
                    departmentId,
                    priority,
                    dueAt,
                    Boolean.TRUE.equals(clearDueAt));
        }
    }

    /** {@code resolution}: the solution text, required when the status is the resolving one. */
    record Transition(
            @NotNull UUID statusId, @Size(max = 10_000) String resolution) {}

    record Assign(UUID assigneeId) {}

    record Resolve(@NotBlank @Size(max = 10_000) String resolution) {}

    record Rate(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 2_000) String comment) {}
}
