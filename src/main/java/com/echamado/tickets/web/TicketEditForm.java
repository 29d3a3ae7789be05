package com.echamado.tickets.web;

import com.echamado.catalog.Priority;
import com.echamado.tickets.TicketChanges;
import com.echamado.tickets.TicketView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * The edit form of a ticket, with the version it was read at. A due date is the end of the chosen day (as when
 * opening); a date left as it was keeps the exact due time the ticket had. Only catalog choices that changed are
 * sent, so a ticket whose type or category was disabled since can still have its other fields edited. Priority and due
 * date are absent from a requester's form (they are the desk's); the tickets module ignores them from requesters.
 */
record TicketEditForm(
        @NotBlank @Size(min = 5, max = 200) String title,
        @NotBlank @Size(max = 10_000) String description,
        @NotNull UUID typeId,
        @NotNull UUID categoryId,
        UUID subcategoryId,
        Priority priority,
        LocalDate dueDate,
        @NotNull Long version) {

    static TicketEditForm of(TicketView ticket, ZoneId zone) {
        return new TicketEditForm(
                ticket.title(),
                ticket.description(),
                ticket.typeId(),
                ticket.categoryId(),
                ticket.subcategoryId(),
                ticket.priority(),
                day(ticket.dueAt(), zone),
                ticket.version());
    }

    /** The same input read at another version: after a conflict, saving again applies it over the newer ticket. */
    TicketEditForm at(long newVersion) {
        return new TicketEditForm(title, description, typeId, categoryId, subcategoryId, priority, dueDate, newVersion);
    }

    boolean dueDateChanged(TicketView ticket, ZoneId zone) {
        return !Objects.equals(dueDate, day(ticket.dueAt(), zone));
    }

    TicketChanges toChanges(TicketView ticket, ZoneId zone) {
        boolean newDue = dueDateChanged(ticket, zone);
        Instant dueAt = newDue && dueDate != null
                ? dueDate.plusDays(1).atStartOfDay(zone).toInstant()
                : null;
        boolean sameCategory = Objects.equals(categoryId, ticket.categoryId());
        boolean sameSubcategory = sameCategory && Objects.equals(subcategoryId, ticket.subcategoryId());
        return new TicketChanges(
                title,
                description,
                Objects.equals(typeId, ticket.typeId()) ? null : typeId,
                sameCategory ? null : categoryId,
                sameSubcategory ? null : subcategoryId,
                !sameSubcategory && subcategoryId == null && ticket.subcategoryId() != null,
                null,
                priority,
                dueAt,
                newDue && dueDate == null);
    }

    /** The day a due time falls in; the end of a day (midnight) counts for the day before. */
    private static LocalDate day(Instant dueAt, ZoneId zone) {
        return dueAt == null ? null : dueAt.minusSeconds(1).atZone(zone).toLocalDate();
    }
}
