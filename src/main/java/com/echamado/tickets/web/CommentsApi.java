package com.echamado.tickets.web;

import com.echamado.tickets.Actor;
import com.echamado.tickets.CommentView;
import com.echamado.tickets.Idempotency;
import com.echamado.tickets.TicketManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Public replies and internal notes of a ticket; requesters never see notes. */
@RestController
@RequestMapping("/api/v1/tickets/{ticketId}/comments")
class CommentsApi {

    private final TicketManagement tickets;
    private final Actors actors;
    private final IdempotentResponses responses;
    private final JsonMapper json;

    CommentsApi(TicketManagement tickets, Actors actors, IdempotentResponses responses, JsonMapper json) {
        this.tickets = tickets;
        this.actors = actors;
        this.responses = responses;
        this.json = json;
    }

    @GetMapping
    List<CommentView> list(@PathVariable UUID ticketId, Authentication authentication) {
        return tickets.comments(actors.of(authentication), ticketId);
    }

    @PostMapping
    ResponseEntity<String> add(
            @PathVariable UUID ticketId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Pattern(regexp = "[A-Za-z0-9._:-]{8,100}")
                    String key,
            @Valid @RequestBody Requests.NewComment request,
            Authentication authentication) {
        Actor actor = actors.of(authentication);
        Supplier<Idempotency.StoredResponse> action = () -> {
            CommentView view = tickets.addComment(actor, ticketId, request.body(), request.isInternal());
            return new Idempotency.StoredResponse(
                    201, "/api/v1/tickets/" + ticketId + "/comments/" + view.id(), json.writeValueAsString(view));
        };
        return responses.replayable(key, actor, new Object[] {ticketId, request}, action);
    }

    @PutMapping("/{commentId}")
    CommentView edit(
            @PathVariable UUID ticketId,
            @PathVariable UUID commentId,
            @Valid @RequestBody Requests.EditComment request,
            Authentication authentication) {
        return tickets.editComment(actors.of(authentication), ticketId, commentId, request.body());
    }

    @DeleteMapping("/{commentId}")
    ResponseEntity<Void> delete(
            @PathVariable UUID ticketId, @PathVariable UUID commentId, Authentication authentication) {
        tickets.deleteComment(actors.of(authentication), ticketId, commentId);
        return ResponseEntity.noContent().build();
    }
}
