package com.echamado.attachments.web;

import com.echamado.attachments.AttachmentView;
import com.echamado.attachments.Attachments;
import com.echamado.tickets.web.Actors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files of a ticket: upload (multipart, one file per request, optionally on one of its messages), list, metadata,
 * download and removal. Visibility is that of what a file is attached to; unknown and invisible files answer 404.
 */
@RestController
@RequestMapping("/api/v1/tickets/{ticketId}/attachments")
class AttachmentsApi {

    private final Attachments attachments;
    private final Actors actors;
    private final Downloads downloads;

    AttachmentsApi(Attachments attachments, Actors actors, Downloads downloads) {
        this.attachments = attachments;
        this.actors = actors;
        this.downloads = downloads;
    }

    @GetMapping
    List<AttachmentView> list(@PathVariable UUID ticketId, Authentication authentication) {
        return attachments.list(actors.of(authentication), ticketId);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(
            @PathVariable UUID ticketId,
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "commentId", required = false) UUID commentId,
            Authentication authentication)
            throws IOException {
        AttachmentView view;
        try (InputStream in = file.getInputStream()) {
            view = attachments.add(actors.of(authentication), ticketId, commentId, file.getOriginalFilename(), in);
        }
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticketId + "/attachments/" + view.id()))
                .body(view);
    }

    @GetMapping("/{attachmentId}")
    AttachmentView get(@PathVariable UUID ticketId, @PathVariable UUID attachmentId, Authentication authentication) {
        return attachments.get(actors.of(authentication), ticketId, attachmentId);
    }

    @GetMapping("/{attachmentId}/content")
    void content(
            @PathVariable UUID ticketId,
            @PathVariable UUID attachmentId,
            Authentication authentication,
            HttpServletResponse response)
            throws IOException {
        downloads.send(attachments.get(actors.of(authentication), ticketId, attachmentId), response);
    }

    @DeleteMapping("/{attachmentId}")
    ResponseEntity<Void> remove(
            @PathVariable UUID ticketId, @PathVariable UUID attachmentId, Authentication authentication) {
        attachments.remove(actors.of(authentication), ticketId, attachmentId);
        return ResponseEntity.noContent().build();
    }
}
