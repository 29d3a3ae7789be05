package com.echamado.tickets.web;

import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogException;
import com.echamado.catalog.CatalogKind;
import com.echamado.catalog.Priority;
import com.echamado.tickets.TicketException;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing an open ticket: its requester and the agents working it. The form carries the version it was read at; when
 * someone changed the ticket meanwhile, the page says so and keeps what the user typed, and saving again applies it.
 */
@Controller
class TicketEditPage {

    private final TicketManagement tickets;
    private final Names names;
    private final ZoneId zone = ZoneId.systemDefault();

    TicketEditPage(TicketManagement tickets, Names names) {
        this.tickets = tickets;
        this.names = names;
    }

    /** Whether the viewer may edit the ticket; the facade has the last word. */
    static boolean mayEdit(Viewer viewer, TicketView ticket) {
        return !ticket.closed()
                && (TicketDetailPage.staffFor(viewer, ticket) || viewer.id().equals(ticket.requesterId()));
    }

    @GetMapping("/tickets/{number}/edit")
    String form(
            @PathVariable long number,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        TicketView ticket = tickets.getByNumber(viewer.actor(), number);
        if (!mayEdit(viewer, ticket)) {
            return refuse(ticket, redirect);
        }
        model.addAttribute("form", TicketEditForm.of(ticket, zone));
        return prepare(viewer, ticket, ticket.categoryId(), model);
    }

    @PostMapping("/tickets/{number}/edit")
    String save(
            @PathVariable long number,
            @Valid @ModelAttribute("form") TicketEditForm form,
            BindingResult errors,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        TicketView ticket = tickets.getByNumber(viewer.actor(), number); // 404 when hidden
        if (!mayEdit(viewer, ticket)) {
            return refuse(ticket, redirect);
        }
        if (form.dueDate() != null
                && TicketDetailPage.staffFor(viewer, ticket)
                && form.dueDateChanged(ticket, zone)
                && form.dueDate().isBefore(LocalDate.now(zone))) {
            errors.rejectValue("dueDate", "ticket.form.invalid.dueDate");
        }
        if (errors.hasErrors()) {
            return prepare(viewer, ticket, form.categoryId(), model);
        }
        try {
            tickets.edit(viewer.actor(), ticket.id(), form.version(), form.toChanges(ticket, zone));
            redirect.addFlashAttribute("notice", "ticket.edited");
            return "redirect:/tickets/" + number;
        } catch (TicketException e) {
            if (e.kind() == TicketException.Kind.STALE) {
                return stale(viewer, ticket, form, model);
            }
            if (e.kind() == TicketException.Kind.NOT_FOUND || e.kind() == TicketException.Kind.FORBIDDEN) {
                throw e;
            }
            reject(errors, e.field(), e.code());
        } catch (CatalogException e) {
            reject(errors, e.field(), "invalid");
        } catch (OptimisticLockingFailureException e) {
            return stale(viewer, ticket, form, model);
        }
        return prepare(viewer, ticket, form.categoryId(), model);
    }

    /** Keeps the user's input, now based on the current version, and says what happened. */
    private String stale(Viewer viewer, TicketView ticket, TicketEditForm form, Model model) {
        TicketView current = tickets.get(viewer.actor(), ticket.id());
        model.addAttribute("form", form.at(current.version()));
        model.addAttribute("stale", true);
        return prepare(viewer, current, form.categoryId(), model);
    }

    private static void reject(BindingResult errors, String field, String code) {
        String formField = field == null ? null : field.equals("dueAt") ? "dueDate" : field;
        if (formField != null && errors.getFieldType(formField) != null) {
            errors.rejectValue(formField, "ticket.form.invalid." + formField);
        } else {
            errors.reject("ticket.rejected." + code);
        }
    }

    private static String refuse(TicketView ticket, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "error", ticket.closed() ? "ticket.rejected.ticket-closed" : "ticket.rejected.not-allowed");
        return "redirect:/tickets/" + ticket.number();
    }

    /** The enabled choices, and the ticket's own even if it was disabled since. */
    private static List<CatalogEntryView> withCurrent(
            List<CatalogEntryView> enabled, UUID current, Names.Entries entries) {
        if (current == null || !entries.known(current) || enabled.stream().anyMatch(e -> e.id().equals(current))) {
            return enabled;
        }
        List<CatalogEntryView> out = new ArrayList<>(enabled);
        out.add(entries.byId().get(current));
        return out;
    }

    private String prepare(Viewer viewer, TicketView ticket, UUID categoryId, Model model) {
        Names.Entries entries = names.catalog();
        model.addAttribute("deskFields", TicketDetailPage.staffFor(viewer, ticket));
        model.addAttribute("choosePriority", tickets.settings().requestersChoosePriority());
        model.addAttribute("ticket", ticket);
        model.addAttribute("types", withCurrent(entries.enabled(CatalogKind.TICKET_TYPE), ticket.typeId(), entries));
        model.addAttribute(
                "categories", withCurrent(entries.enabled(CatalogKind.CATEGORY), ticket.categoryId(), entries));
        List<CatalogEntryView> subcategories = names.subcategoriesOf(categoryId);
        if (Objects.equals(categoryId, ticket.categoryId())) {
            subcategories = withCurrent(subcategories, ticket.subcategoryId(), entries);
        }
        model.addAttribute("subcategories", subcategories);
        model.addAttribute("priorities", Priority.values());
        return "tickets/edit";
    }
}
