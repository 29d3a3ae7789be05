package com.echamado.ui.web;

import com.echamado.tickets.CommentView;
import com.echamado.tickets.TicketException;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import com.echamado.tickets.web.Names;
import com.echamado.tickets.web.Viewer;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing and deleting a message of the conversation, under the tickets module's rules (the author edits for a short
 * while; the author or an administrator deletes). With htmx only the message is swapped; without, the page reloads.
 * A comment the viewer may not see (another ticket's, or a note for a requester) is not found.
 */
@Controller
class CommentActions {

    private static final String FRAGMENT = "ui/tickets/comment :: ";
    private static final int MAX_TEXT = 10_000;

    private final TicketManagement tickets;
    private final Names names;

    CommentActions(TicketManagement tickets, Names names) {
        this.tickets = tickets;
        this.names = names;
    }

    @GetMapping("/tickets/{number}/comments/{id}")
    String show(
            @PathVariable long number,
            @PathVariable UUID id,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model) {
        return fragment("comment", number, id, viewer, model);
    }

    @GetMapping("/tickets/{number}/comments/{id}/edit")
    String editor(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model) {
        if (htmx == null) {
            return "redirect:/tickets/" + number + "?editComment=" + id + "#comment-" + id;
        }
        return fragment("editor", number, id, viewer, model);
    }

    @PostMapping("/tickets/{number}/comments/{id}")
    String edit(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        String error = null;
        if (body.isBlank() || body.length() > MAX_TEXT) {
            error = "ticket.comment.invalid";
        } else {
            TicketView ticket = tickets.getByNumber(viewer.actor(), number);
            try {
                tickets.editComment(viewer.actor(), ticket.id(), id, body.strip());
            } catch (TicketException e) {
                if (e.kind() == TicketException.Kind.NOT_FOUND) {
                    throw e;
                }
                error = "comment.rejected." + e.code();
            }
        }
        if (htmx == null && error == null) {
            redirect.addFlashAttribute("notice", "comment.saved");
            return "redirect:/tickets/" + number + "#comment-" + id;
        }
        if (htmx == null) {
            redirect.addFlashAttribute("commentError", error);
            redirect.addFlashAttribute("commentDraft", body);
            return "redirect:/tickets/" + number + "?editComment=" + id + "#comment-" + id;
        }
        if (error != null) {
            model.addAttribute("commentError", error);
            model.addAttribute("commentDraft", body);
            return fragment("editor", number, id, viewer, model);
        }
        return fragment("comment", number, id, viewer, model);
    }

    @PostMapping("/tickets/{number}/comments/{id}/delete")
    String delete(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @ModelAttribute(name = "viewer", binding = false) Viewer viewer,
            RedirectAttributes redirect) {
        TicketView ticket = tickets.getByNumber(viewer.actor(), number);
        tickets.deleteComment(viewer.actor(), ticket.id(), id); // refusals go to the error page (403/404)
        if (htmx == null) {
            redirect.addFlashAttribute("notice", "comment.deleted");
            return "redirect:/tickets/" + number;
        }
        return FRAGMENT + "deleted";
    }

    /** One comment of the ticket as the viewer may see it, with what they may do to it. */
    private String fragment(String name, long number, UUID id, Viewer viewer, Model model) {
        TicketView ticket = tickets.getByNumber(viewer.actor(), number);
        CommentView comment = tickets.comments(viewer.actor(), ticket.id()).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("ticket", ticket);
        model.addAttribute("c", comment);
        model.addAttribute("people", names.people(List.of(comment.authorId())));
        model.addAttribute(
                "editableComments", tickets.mayEditComment(viewer.actor(), comment) ? Set.of(comment.id()) : Set.of());
        model.addAttribute(
                "deletableComments",
                tickets.mayDeleteComment(viewer.actor(), comment) ? Set.of(comment.id()) : Set.of());
        return FRAGMENT + name;
    }
}
