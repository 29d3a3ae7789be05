package com.echamado.comments.web;

import com.echamado.comments.CommentView;
import com.echamado.comments.Comments;
import com.echamado.tickets.Actor;
import com.echamado.tickets.Idempotency;
import com.echamado.tickets.web.Actors;
import com.echamado.tickets.web.IdempotentResponses;
import com.echamado.tickets.web.TicketWritingApi;
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

/**
 * Public replies and internal notes of a ticket; requesters never see notes. A concurrent change answers 412, as the
 * tickets API does.
 */
@RestController
@RequestMapping("/api/v1/tickets/{ticketId}/comments")
class CommentsApi implements TicketWritingApi {

    private final Comments comments;
    private final Actors actors;
    private final IdempotentResponses responses;
    private final JsonMapper json;

    CommentsApi(Comments comments, Actors actors, IdempotentResponses responses, JsonMapper json) {
        this.comments = comments;
        this.actors = actors;
        this.responses = responses;
        this.json = json;
    }

    @GetMapping
    List<CommentView> list(@PathVariable UUID ticketId, Authentication authentication) {
        return comments.list(actors.of(authentication), ticketId);
    }

    @PostMapping
    ResponseEntity<String> add(
            @PathVariable UUID ticketId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Pattern(regexp = "[A-Za-z0-9._:-]{8,100}")
                    String key,
            @Valid @RequestBody CommentRequests.NewComment request,
            Authentication authentication) {
        Actor actor = actors.of(authentication);
        Supplier<Idempotency.StoredResponse> action = () -> {
            CommentView view = comments.add(actor, ticketId, request.body(), request.isInternal());
            return new Idempotency.StoredResponse(
                    201, "/api/v1/tickets/" + ticketId + "/comments/" + view.id(), json.writeValueAsString(view));
        };
        return responses.replayable(key, actor, new Object[] {ticketId, request}, action);
    }

    @PutMapping("/{commentId}")
    CommentView edit(
            @PathVariable UUID ticketId,
            @PathVariable UUID commentId,
            @Valid @RequestBody CommentRequests.EditComment request,
            Authentication authentication) {
        return comments.edit(actors.of(authentication), ticketId, commentId, request.body());
    }

    @DeleteMapping("/{commentId}")
    ResponseEntity<Void> delete(
            @PathVariable UUID ticketId, @PathVariable UUID commentId, Authentication authentication) {
        comments.delete(actors.of(authentication), ticketId, commentId);
        return ResponseEntity.noContent().build();
    }
}
