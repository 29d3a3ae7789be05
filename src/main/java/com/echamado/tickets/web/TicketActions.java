package com.echamado.tickets.web;

import com.echamado.catalog.CatalogException;
import com.echamado.tickets.TicketException;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The detail page's forms. Each posts the version the page showed; a change on a stale page comes back with a clear
 * message and the current ticket instead of overwriting. Results are flashed and the page reloaded (post/redirect/
 * get), so a refresh never repeats a change.
 */
@Controller
class TicketActions {

    private static final int MAX_TEXT = 10_000;

    private final TicketManagement tickets;

    TicketActions(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/tickets/{number}/assign")
    String assign(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) String assignee,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        UUID target = "me".equals(assignee) ? viewer.id() : parse(assignee);
        return act(
                number,
                viewer,
                redirect,
                "ticket.assigned",
                t -> tickets.assign(viewer.actor(), t.id(), version, target));
    }

    @PostMapping("/tickets/{number}/transition")
    String transition(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(required = false) UUID statusId,
            @RequestParam(defaultValue = "") String resolution,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        if (statusId == null) {
            redirect.addFlashAttribute("error", "ticket.status.choose");
            return back(number);
        }
        if (resolution.length() > MAX_TEXT) {
            redirect.addFlashAttribute("error", "ticket.resolution.invalid");
            return back(number);
        }
        String solution = resolution.isBlank() ? null : resolution.strip();
        return act(
                number,
                viewer,
                redirect,
                "ticket.moved",
                t -> tickets.transition(viewer.actor(), t.id(), version, statusId, solution));
    }

    @PostMapping("/tickets/{number}/resolve")
    String resolve(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(defaultValue = "") String resolution,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        if (resolution.isBlank() || resolution.length() > MAX_TEXT) {
            redirect.addFlashAttribute("error", "ticket.resolution.invalid");
            return back(number);
        }
        return act(
                number,
                viewer,
                redirect,
                "ticket.resolved",
                t -> tickets.resolve(viewer.actor(), t.id(), version, resolution.strip()));
    }

    @PostMapping("/tickets/{number}/close")
    String close(
            @PathVariable long number,
            @RequestParam long version,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        return act(number, viewer, redirect, "ticket.closed", t -> tickets.close(viewer.actor(), t.id(), version));
    }

    @PostMapping("/tickets/{number}/reopen")
    String reopen(
            @PathVariable long number,
            @RequestParam long version,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        return act(number, viewer, redirect, "ticket.reopened", t -> tickets.reopen(viewer.actor(), t.id(), version));
    }

    @PostMapping("/tickets/{number}/rate")
    String rate(
            @PathVariable long number,
            @RequestParam long version,
            @RequestParam(defaultValue = "0") int rating,
            @RequestParam(defaultValue = "") String comment,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        if (rating < 1 || rating > 5 || comment.length() > 2_000) {
            redirect.addFlashAttribute("error", "ticket.rating.invalid");
            return back(number);
        }
        String text = comment.isBlank() ? null : comment.strip();
        return act(
                number,
                viewer,
                redirect,
                "ticket.rated",
                t -> tickets.rate(viewer.actor(), t.id(), version, rating, text));
    }

    /** Runs a change on the ticket the viewer may see; rule breaks become a message on the reloaded page. */
    private String act(
            long number, Viewer viewer, RedirectAttributes redirect, String done, Consumer<TicketView> change) {
        TicketView ticket = tickets.getByNumber(viewer.actor(), number); // 404 when hidden
        try {
            change.accept(ticket);
            redirect.addFlashAttribute("notice", done);
        } catch (TicketException e) {
            if (e.kind() == TicketException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute(
                    "error",
                    e.kind() == TicketException.Kind.STALE
                            ? "ticket.stale"
                            : "resolution".equals(e.field())
                                    ? "ticket.resolution.invalid"
                                    : "ticket.rejected." + e.code());
            redirect.addFlashAttribute("detail", e.getMessage());
        } catch (CatalogException e) {
            redirect.addFlashAttribute("error", "ticket.rejected.invalid");
            redirect.addFlashAttribute("detail", e.getMessage());
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", "ticket.stale");
        }
        return back(number);
    }

    private static UUID parse(String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST);
        }
    }

    private static String back(long number) {
        return "redirect:/tickets/" + number;
    }
}
