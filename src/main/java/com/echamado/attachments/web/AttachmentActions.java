package com.echamado.attachments.web;

import com.echamado.attachments.Attachments;
import com.echamado.platform.web.ProblemException;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import com.echamado.tickets.web.Actors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The files' forms and links on the ticket page: adding one or more files, downloading, removing. Results are
 * flashed and the page reloaded (post/redirect/get); a refusal (too large, closed ticket) is shown on the page, never
 * dropped silently. A ticket or file the viewer may not see is not found.
 */
@Controller
class AttachmentActions {

    private final Attachments attachments;
    private final TicketManagement tickets;
    private final Actors actors;
    private final Downloads downloads;

    AttachmentActions(Attachments attachments, TicketManagement tickets, Actors actors, Downloads downloads) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.actors = actors;
        this.downloads = downloads;
    }

    @PostMapping("/tickets/{number}/attachments")
    String add(
            @PathVariable long number,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Authentication authentication,
            RedirectAttributes redirect)
            throws IOException {
        Actor actor = actors.of(authentication);
        TicketView ticket = tickets.getByNumber(actor, number); // 404 when hidden
        List<MultipartFile> chosen = files == null
                ? List.of()
                : files.stream()
                        .filter(f -> !f.isEmpty() || !f.getOriginalFilename().isEmpty())
                        .toList();
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("attachmentError", "attachment.none");
            return back(number);
        }
        int added = 0;
        for (MultipartFile file : chosen) {
            try (InputStream in = file.getInputStream()) {
                attachments.add(actor, ticket.id(), null, file.getOriginalFilename(), in);
                added++;
            } catch (ProblemException e) {
                if (e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                redirect.addFlashAttribute(
                        "attachmentError", e.messageCode() == null ? "attachment.refused" : e.messageCode());
                redirect.addFlashAttribute("attachmentRefused", file.getOriginalFilename());
                break;
            }
        }
        if (added > 0) {
            redirect.addFlashAttribute("notice", "attachment.added");
        }
        return back(number);
    }

    @GetMapping("/tickets/{number}/attachments/{id}")
    void download(
            @PathVariable long number,
            @PathVariable UUID id,
            Authentication authentication,
            HttpServletResponse response)
            throws IOException {
        Actor actor = actors.of(authentication);
        TicketView ticket = tickets.getByNumber(actor, number);
        downloads.send(attachments.get(actor, ticket.id(), id), response);
    }

    @PostMapping("/tickets/{number}/attachments/{id}/delete")
    String remove(
            @PathVariable long number,
            @PathVariable UUID id,
            Authentication authentication,
            RedirectAttributes redirect) {
        Actor actor = actors.of(authentication);
        TicketView ticket = tickets.getByNumber(actor, number);
        attachments.remove(actor, ticket.id(), id);
        redirect.addFlashAttribute("notice", "attachment.removed");
        return back(number);
    }

    private static String back(long number) {
        return "redirect:/tickets/" + number;
    }
}
