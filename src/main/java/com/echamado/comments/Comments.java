package com.echamado.comments;

import com.echamado.tickets.Actor;
import com.echamado.tickets.ConversationAccess;
import com.echamado.tickets.TicketConversation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public replies and internal notes on tickets: the module's facade. Who may read and write them is the ticket's
 * rule, asked of {@link TicketConversation}: whoever may see the ticket reads its replies and replies while it is
 * open; only its agents and administrators read and write notes. Authors edit their messages for a short while
 * ({@code echamado.comments.edit-window}); the author or an administrator deletes one (softly: the history keeps
 * it). What a message does to the ticket (history, first response, resuming a ticket that waits for the customer,
 * the search document) is the ticket's, in the same transaction.
 */
@Service
@Transactional
public class Comments {

    private final CommentRepository comments;
    private final TicketConversation tickets;
    private final CommentsProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Comments(
            CommentRepository comments,
            TicketConversation tickets,
            CommentsProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.comments = comments;
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** The ticket's messages the actor may read, oldest first; a ticket they may not see is not found. */
    @Transactional(readOnly = true)
    public List<CommentView> list(Actor actor, UUID ticketId) {
        ConversationAccess ticket = tickets.read(actor, ticketId);
        return comments.findVisible(ticketId).stream()
                .filter(comment -> ticket.staff() || !comment.internal())
                .map(Comment::toView)
                .toList();
    }

    /** The messages the actor may read, with those they may still edit and those they may delete. */
    @Transactional(readOnly = true)
    public Conversation conversation(Actor actor, UUID ticketId) {
        List<CommentView> visible = list(actor, ticketId);
        return new Conversation(
                visible,
                visible.stream()
                        .filter(c -> mayEdit(actor, c))
                        .map(CommentView::id)
                        .collect(Collectors.toSet()),
                visible.stream()
                        .filter(c -> mayDelete(actor, c))
                        .map(CommentView::id)
                        .collect(Collectors.toSet()));
    }

    public CommentView add(Actor actor, UUID ticketId, String body, boolean internal) {
        ConversationAccess ticket = tickets.openForMessage(actor, ticketId, internal);
        Instant now = clock.instant();
        Comment comment = comments.saveAndFlush(new Comment(ticketId, actor.id(), internal, body, now));
        events.publishEvent(comment.added(ticket));
        tickets.messageAdded(actor, ticketId, comment.id(), internal, now);
        return comment.toView();
    }

    public CommentView edit(Actor actor, UUID ticketId, UUID commentId, String body) {
        Comment comment = readable(actor, ticketId, commentId);
        Instant now = clock.instant();
        String previous = comment.edit(actor.id(), body, properties.editWindow(), now);
        comments.saveAndFlush(comment);
        String field = comment.internal() ? "noteEdited" : "replyEdited";
        tickets.messageChanged(actor, ticketId, field, previous, body, comment.internal(), now);
        return comment.toView();
    }

    public void delete(Actor actor, UUID ticketId, UUID commentId) {
        Comment comment = readable(actor, ticketId, commentId);
        Instant now = clock.instant();
        comment.delete(actor.id(), actor.admin(), now);
        comments.saveAndFlush(comment);
        String field = comment.internal() ? "noteDeleted" : "replyDeleted";
        tickets.messageChanged(actor, ticketId, field, comment.body(), null, comment.internal(), now);
    }

    /** Whether the actor may still edit the comment: only its author, and only within the edit window. */
    private boolean mayEdit(Actor actor, CommentView comment) {
        return comment.authorId().equals(actor.id())
                && !comment.createdAt().plus(properties.editWindow()).isBefore(clock.instant());
    }

    /** Whether the actor may delete the comment: its author or an administrator. */
    private static boolean mayDelete(Actor actor, CommentView comment) {
        return actor.admin() || comment.authorId().equals(actor.id());
    }

    /** A message of a ticket the actor may see, not deleted, and no note unless they work the ticket. */
    private Comment readable(Actor actor, UUID ticketId, UUID commentId) {
        ConversationAccess ticket = tickets.read(actor, ticketId);
        return comments.findById(commentId)
                .filter(c -> c.ticketId().equals(ticketId) && !c.deleted())
                .filter(c -> !c.internal() || ticket.staff())
                .orElseThrow(() -> CommentException.notFound(commentId));
    }
}
