package com.echamado.comments.web;

import com.echamado.comments.CommentView;
import com.echamado.comments.Comments;
import com.echamado.comments.Conversation;
import com.echamado.identity.UserManagement;
import com.echamado.platform.web.ProblemException;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import com.echamado.tickets.web.Actors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The conversation's forms on the ticket page: replying or writing a note, and editing and deleting a message under
 * the comments module's rules (the author edits for a short while; the author or an administrator deletes). Results
 * are flashed and the page reloaded (post/redirect/get); with htmx an edited or deleted message is swapped in place.
 * A comment the viewer may not see (another ticket's, or a note for a requester) is not found.
 */
@Controller
class CommentActions {

    private static final String FRAGMENT = "comments/comment :: ";
    private static final int MAX_TEXT = 10_000;

    private final Comments comments;
    private final TicketManagement tickets;
    private final Actors actors;
    private final UserManagement users;

    CommentActions(Comments comments, TicketManagement tickets, Actors actors, UserManagement users) {
        this.comments = comments;
        this.tickets = tickets;
        this.actors = actors;
        this.users = users;
    }

    @PostMapping("/tickets/{number}/comments")
    String add(
            @PathVariable long number,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean internal,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (body.isBlank() || body.length() > MAX_TEXT) {
            redirect.addFlashAttribute("error", "ticket.comment.invalid");
            redirect.addFlashAttribute("draft", body);
            return back(number);
        }
        Actor actor = actors.of(authentication);
        TicketView ticket = tickets.getByNumber(actor, number); // 404 when hidden
        try {
            comments.add(actor, ticket.id(), body.strip(), internal);
            redirect.addFlashAttribute("notice", internal ? "ticket.note.added" : "ticket.reply.added");
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", "ticket.rejected." + e.code());
            redirect.addFlashAttribute("detail", e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("error", "ticket.stale");
        }
        return back(number);
    }

    @GetMapping("/tickets/{number}/comments/{id}")
    String show(@PathVariable long number, @PathVariable UUID id, Authentication authentication, Model model) {
        return fragment("comment", number, id, actors.of(authentication), model);
    }

    @GetMapping("/tickets/{number}/comments/{id}/edit")
    String editor(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication authentication,
            Model model) {
        if (htmx == null) {
            return "redirect:/tickets/" + number + "?editComment=" + id + "#comment-" + id;
        }
        return fragment("editor", number, id, actors.of(authentication), model);
    }

    @PostMapping("/tickets/{number}/comments/{id}")
    String edit(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = actors.of(authentication);
        String error = null;
        if (body.isBlank() || body.length() > MAX_TEXT) {
            error = "ticket.comment.invalid";
        } else {
            TicketView ticket = tickets.getByNumber(actor, number);
            try {
                comments.edit(actor, ticket.id(), id, body.strip());
            } catch (ProblemException e) {
                if (e.status() == HttpStatus.NOT_FOUND) {
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
            return fragment("editor", number, id, actor, model);
        }
        return fragment("comment", number, id, actor, model);
    }

    @PostMapping("/tickets/{number}/comments/{id}/delete")
    String delete(
            @PathVariable long number,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication authentication,
            RedirectAttributes redirect) {
        Actor actor = actors.of(authentication);
        TicketView ticket = tickets.getByNumber(actor, number);
        comments.delete(actor, ticket.id(), id); // refusals go to the error page (403/404)
        if (htmx == null) {
            redirect.addFlashAttribute("notice", "comment.deleted");
            return back(number);
        }
        return FRAGMENT + "deleted";
    }

    /** One comment of the ticket as the viewer may see it, with what they may do to it. */
    private String fragment(String name, long number, UUID id, Actor actor, Model model) {
        TicketView ticket = tickets.getByNumber(actor, number);
        Conversation conversation = comments.conversation(actor, ticket.id());
        CommentView comment = conversation.comments().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("ticket", ticket);
        model.addAttribute("c", comment);
        model.addAttribute("people", people(List.of(comment.authorId())));
        model.addAttribute("editableComments", only(conversation.editable(), id));
        model.addAttribute("deletableComments", only(conversation.deletable(), id));
        return FRAGMENT + name;
    }

    private static Set<UUID> only(Set<UUID> ids, UUID id) {
        return ids.contains(id) ? Set.of(id) : Set.of();
    }

    /** Names of the given users; unknown ids (deleted users) are left out, shown as nothing. */
    private Map<UUID, String> people(List<UUID> ids) {
        return users.getAll(ids).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().fullName()));
    }

    private static String back(long number) {
        return "redirect:/tickets/" + number;
    }
}
