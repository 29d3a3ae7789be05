package com.echamado.tickets.web;

import com.echamado.catalog.Priority;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** The new-ticket form. {@code requesterEmail} is read only for agents opening on someone's behalf. */
record TicketForm(
        @NotBlank @Size(min = 5, max = 200) String title,
        @NotBlank @Size(max = 10_000) String description,
        @NotNull UUID typeId,
        @NotNull UUID categoryId,
        UUID subcategoryId,
        @NotNull UUID departmentId,
        Priority priority,
        LocalDate dueDate,
        @Email @Size(max = 320) String requesterEmail) {

    static TicketForm empty() {
        return new TicketForm("", "", null, null, null, null, Priority.NORMAL, null, "");
    }
}
