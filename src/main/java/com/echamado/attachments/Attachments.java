package com.echamado.attachments;

import com.echamado.comments.CommentView;
import com.echamado.comments.Comments;
import com.echamado.tickets.Actor;
import com.echamado.tickets.ConversationAccess;
import com.echamado.tickets.TicketConversation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on tickets and their messages: the module's facade. An attachment is visible exactly to those who see what it
 * is attached to: the ticket ({@link TicketConversation#read}, a hidden ticket is not found) and, for a message's
 * file, that message as the comments facade lists it for the reader (so a requester never sees an internal note's
 * files). Unknown and invisible attachments are not found alike. The uploader or whoever works the ticket (its
 * department's agents, its assignee, administrators) removes one, softly; additions and removals are in the ticket's
 * history, internal when the file is. The bytes are the {@link ContentStore}'s, streamed.
 */
@Service
@Transactional
public class Attachments {

    private static final String COLUMNS =
            "id, ticket_id, comment_id, internal, name, size, content_type, sha256, uploaded_by, created_at";

    private static final RowMapper<AttachmentView> VIEW = (rs, n) -> new AttachmentView(
            rs.getObject("id", UUID.class),
            rs.getObject("ticket_id", UUID.class),
            rs.getObject("comment_id", UUID.class),
            rs.getBoolean("internal"),
            rs.getString("name"),
            rs.getLong("size"),
            rs.getString("content_type"),
            rs.getString("sha256"),
            rs.getObject("uploaded_by", UUID.class),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final ContentStore store;
    private final TicketConversation tickets;
    private final Comments comments;
    private final AttachmentsProperties properties;
    private final Clock clock;

    Attachments(
            JdbcTemplate jdbc,
            ContentStore store,
            TicketConversation tickets,
            Comments comments,
            AttachmentsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.tickets = tickets;
        this.comments = comments;
        this.properties = properties;
        this.clock = clock;
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return properties.maxSize().toBytes();
    }

    /** The ticket's files the actor may see, oldest first; a ticket they may not see is not found. */
    @Transactional(readOnly = true)
    public List<AttachmentView> list(Actor actor, UUID ticketId) {
        tickets.read(actor, ticketId);
        Set<UUID> messages = readableMessages(actor, ticketId).keySet();
        return jdbc
                .query(
                        "select " + COLUMNS + " from attachment where ticket_id = ? and removed_at is null"
                                + " order by created_at, id",
                        VIEW,
                        ticketId)
                .stream()
                .filter(a -> a.commentId() == null || messages.contains(a.commentId()))
                .toList();
    }

    /** The ids of the files in {@code attachments} the actor may remove: their own, or all when they work the ticket. */
    @Transactional(readOnly = true)
    public Set<UUID> removable(Actor actor, UUID ticketId, List<AttachmentView> attachments) {
        boolean staff = tickets.read(actor, ticketId).staff();
        return attachments.stream()
                .filter(a -> staff || a.uploadedBy().equals(actor.id()))
                .map(AttachmentView::id)
                .collect(Collectors.toSet());
    }

    /** A visible file of the ticket; not found when unknown, removed, another ticket's or hidden from the actor. */
    @Transactional(readOnly = true)
    public AttachmentView get(Actor actor, UUID ticketId, UUID attachmentId) {
        return list(actor, ticketId).stream()
                .filter(a -> a.id().equals(attachmentId))
                .findFirst()
                .orElseThrow(() -> AttachmentException.notFound(attachmentId));
    }

    /** Writes a file's bytes, streamed, after {@link #get} said the actor may read it. */
    @Transactional(readOnly = true)
    public void copyContent(AttachmentView attachment, OutputStream out) throws IOException {
        if (!store.copyTo(attachment.sha256(), out)) {
            throw new IllegalStateException("The content of attachment " + attachment.id() + " is missing");
        }
    }

    /**
     * Adds a file to the ticket, or to one of its messages the actor may read ({@code commentId}; a message they may
     * not read is not found), which only its author or whoever works the ticket does. The file is internal when the
     * message is an internal note. The bytes are streamed into the store and refused (413, nothing stored) beyond
     * {@link #maxSize}; the type is sniffed from them; the history records the addition.
     */
    public AttachmentView add(Actor actor, UUID ticketId, UUID commentId, String name, InputStream content) {
        ConversationAccess ticket = tickets.read(actor, ticketId);
        if (ticket.closed()) {
            throw AttachmentException.closed();
        }
        boolean internal = false;
        if (commentId != null) {
            CommentView comment = readableMessages(actor, ticketId).get(commentId);
            if (comment == null) {
                throw AttachmentException.notFound(commentId);
            }
            if (!ticket.staff() && !comment.authorId().equals(actor.id())) {
                throw AttachmentException.forbidden("Only the author or the ticket's agents attach files to a message");
            }
            internal = comment.internal();
        }
        AtomicReference<String> type = new AtomicReference<>(FileTypes.BINARY);
        ContentStore.Stored stored;
        try {
            stored = store.put(content, maxSize(), head -> type.set(FileTypes.sniff(head)));
        } catch (ContentStore.TooLarge e) {
            throw AttachmentException.tooLarge(maxSize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        AttachmentView view = new AttachmentView(
                UUID.randomUUID(),
                ticketId,
                commentId,
                internal,
                FileTypes.cleanName(name),
                stored.size(),
                type.get(),
                stored.sha256(),
                actor.id(),
                now);
        jdbc.update(
                "insert into attachment (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                view.id(),
                view.ticketId(),
                view.commentId(),
                view.internal(),
                view.name(),
                view.size(),
                view.contentType(),
                view.sha256(),
                view.uploadedBy(),
                Timestamp.from(now));
        tickets.messageChanged(actor, ticketId, "attachmentAdded", null, view.name(), internal, now);
        return view;
    }

    /** Removes a visible file softly (the content stays; the history records it): the uploader or the ticket's staff. */
    public void remove(Actor actor, UUID ticketId, UUID attachmentId) {
        AttachmentView attachment = get(actor, ticketId, attachmentId);
        if (!removable(actor, ticketId, List.of(attachment)).contains(attachmentId)) {
            throw AttachmentException.forbidden("Only the uploader or the ticket's agents remove a file");
        }
        Instant now = clock.instant();
        jdbc.update(
                "update attachment set removed_at = ?, removed_by = ? where id = ? and removed_at is null",
                Timestamp.from(now),
                actor.id(),
                attachmentId);
        tickets.messageChanged(
                actor, ticketId, "attachmentRemoved", attachment.name(), null, attachment.internal(), now);
    }

    private Map<UUID, CommentView> readableMessages(Actor actor, UUID ticketId) {
        return comments.list(actor, ticketId).stream().collect(Collectors.toMap(CommentView::id, Function.identity()));
    }
}
