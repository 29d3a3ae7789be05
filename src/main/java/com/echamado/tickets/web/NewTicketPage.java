package com.echamado.tickets.web;

import com.echamado.catalog.CatalogException;
import com.echamado.catalog.CatalogKind;
import com.echamado.catalog.Priority;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import com.echamado.tickets.NewTicket;
import com.echamado.tickets.TicketException;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening a ticket. Picking a category narrows the subcategories (htmx fetches the options fragment; without
 * JavaScript the narrowed list comes with the re-rendered form). Errors stand beside their fields.
 */
@Controller
class NewTicketPage {

    private final TicketManagement tickets;
    private final UserManagement users;
    private final Names names;

    NewTicketPage(TicketManagement tickets, UserManagement users, Names names) {
        this.tickets = tickets;
        this.users = users;
        this.names = names;
    }

    @GetMapping("/tickets/new")
    String form(@ModelAttribute(name = "viewer", binding = false) Viewer viewer, Model model) {
        model.addAttribute("form", TicketForm.empty());
        return prepare(viewer, model, null);
    }

    @GetMapping("/tickets/subcategories")
    String subcategories(@RequestParam(required = false) UUID categoryId, Model model) {
        model.addAttribute("subcategories", names.subcategoriesOf(categoryId));
        model.addAttribute("selected", null);
        return "tickets/fields :: subcategoryOptions";
    }

    @PostMapping("/tickets/new")
    String open(
            @Valid @ModelAttribute("form") TicketForm form,
            BindingResult errors,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        UUID requester = null;
        if (viewer.staff()
                && form.requesterEmail() != null
                && !form.requesterEmail().isBlank()) {
            requester =
                    users.findByEmail(form.requesterEmail()).map(UserView::id).orElse(null);
            if (requester == null) {
                errors.rejectValue("requesterEmail", "ticket.form.unknownRequester");
            }
        }
        if (errors.hasErrors()) {
            return prepare(viewer, model, form.categoryId());
        }
        try {
            TicketView ticket = tickets.open(
                    viewer.actor(),
                    new NewTicket(
                            form.title(),
                            form.description(),
                            form.typeId(),
                            form.categoryId(),
                            form.subcategoryId(),
                            form.departmentId(),
                            form.priority(),
                            form.dueDate() == null
                                    ? null
                                    : form.dueDate()
                                            .plusDays(1)
                                            .atStartOfDay(ZoneId.systemDefault())
                                            .toInstant(),
                            requester));
            redirect.addFlashAttribute("notice", "ticket.opened");
            return "redirect:/tickets/" + ticket.number();
        } catch (TicketException | CatalogException e) {
            String field = e instanceof TicketException t ? t.field() : ((CatalogException) e).field();
            String formField = field == null ? null : field.equals("dueAt") ? "dueDate" : field;
            if (formField != null && errors.getFieldType(formField) != null) {
                errors.rejectValue(formField, "ticket.form.invalid." + formField);
            } else {
                errors.reject("ticket.form.rejected");
            }
            return prepare(viewer, model, form.categoryId());
        }
    }

    private String prepare(Viewer viewer, Model model, UUID categoryId) {
        Names.Entries entries = names.catalog();
        model.addAttribute("deskFields", viewer.staff());
        model.addAttribute("choosePriority", tickets.settings().requestersChoosePriority());
        model.addAttribute("types", entries.enabled(CatalogKind.TICKET_TYPE));
        model.addAttribute("categories", entries.enabled(CatalogKind.CATEGORY));
        model.addAttribute("departments", entries.enabled(CatalogKind.DEPARTMENT));
        model.addAttribute("subcategories", names.subcategoriesOf(categoryId));
        model.addAttribute("priorities", Priority.values());
        return "tickets/new";
    }
}
