package com.echamado.comments;

import com.echamado.tickets.ConversationAccess;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ticket_comment")
class Comment {

    @Id
    private UUID id;

    private UUID ticketId;
    private UUID authorId;
    private boolean internal;
    private String body;
    private Instant createdAt;
    private Instant editedAt;
    private Instant deletedAt;

    @Version
    private long version;

    protected Comment() {}

    Comment(UUID ticketId, UUID authorId, boolean internal, String body, Instant now) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.authorId = authorId;
        this.internal = internal;
        this.body = body;
        this.createdAt = now;
    }

    /** Authors may edit within {@code window} of writing. Returns the previous text. */
    String edit(UUID editor, String newBody, Duration window, Instant now) {
        if (!editor.equals(authorId)) {
            throw CommentException.forbidden("Only the author may edit a comment");
        }
        if (createdAt.plus(window).isBefore(now)) {
            throw CommentException.conflict("edit-window-passed", "Comments can be edited for a short time only");
        }
        String previous = body;
        body = newBody;
        editedAt = now;
        return previous;
    }

    void delete(UUID actor, boolean admin, Instant now) {
        if (!admin && !actor.equals(authorId)) {
            throw CommentException.forbidden("Only the author or an administrator may delete a comment");
        }
        deletedAt = now;
    }

    boolean deleted() {
        return deletedAt != null;
    }

    boolean internal() {
        return internal;
    }

    UUID ticketId() {
        return ticketId;
    }

    UUID id() {
        return id;
    }

    String body() {
        return body;
    }

    /** The event of this new message on the given ticket; a note's text stays out of it. */
    CommentAdded added(ConversationAccess ticket) {
        return new CommentAdded(
                UUID.randomUUID(),
                createdAt,
                ticketId,
                ticket.number(),
                ticket.title(),
                ticket.requesterId(),
                id,
                authorId,
                internal,
                internal ? null : body,
                ticket.departmentId(),
                ticket.assigneeId());
    }

    CommentView toView() {
        return new CommentView(id, ticketId, authorId, internal, body, createdAt, editedAt);
    }
}
