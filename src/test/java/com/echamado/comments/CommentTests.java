package com.echamado.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.echamado.tickets.ConversationAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The message's own rules, without a database: who edits and deletes it, for how long, and what its event tells. */
class CommentTests {

    static final Instant WRITTEN = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(15);

    final UUID author = UUID.randomUUID();
    final UUID ticket = UUID.randomUUID();

    @Test
    void theAuthorEditsWithinTheWindowAndGetsThePreviousText() {
        Comment reply = new Comment(ticket, author, false, "antes", WRITTEN);
        assertThat(reply.edit(author, "depois", WINDOW, WRITTEN.plus(WINDOW))).isEqualTo("antes");
        assertThat(reply.toView().body()).isEqualTo("depois");
        assertThat(reply.toView().editedAt()).isEqualTo(WRITTEN.plus(WINDOW));
    }

    @Test
    void nobodyEditsAfterTheWindowAndOnlyTheAuthorWithinIt() {
        Comment reply = new Comment(ticket, author, false, "texto", WRITTEN);
        assertThatThrownBy(() -> reply.edit(UUID.randomUUID(), "outro", WINDOW, WRITTEN))
                .isInstanceOfSatisfying(
                        CommentException.class, e -> assertThat(e.code()).isEqualTo("not-allowed"));
        assertThatThrownBy(() ->
                        reply.edit(author, "tarde", WINDOW, WRITTEN.plus(WINDOW).plusSeconds(1)))
                .isInstanceOfSatisfying(
                        CommentException.class, e -> assertThat(e.code()).isEqualTo("edit-window-passed"));
        assertThat(reply.toView().body()).isEqualTo("texto");
    }

    @Test
    void theAuthorOrAnAdministratorDeletesAndNobodyElse() {
        Comment byAuthor = new Comment(ticket, author, false, "a", WRITTEN);
        byAuthor.delete(author, false, WRITTEN);
        assertThat(byAuthor.deleted()).isTrue();

        Comment byAdmin = new Comment(ticket, author, true, "b", WRITTEN);
        byAdmin.delete(UUID.randomUUID(), true, WRITTEN);
        assertThat(byAdmin.deleted()).isTrue();

        Comment kept = new Comment(ticket, author, false, "c", WRITTEN);
        assertThatThrownBy(() -> kept.delete(UUID.randomUUID(), false, WRITTEN)).isInstanceOf(CommentException.class);
        assertThat(kept.deleted()).isFalse();
    }

    @Test
    void theEventOfANoteLeavesItsTextOutAndAReplyCarriesIt() {
        ConversationAccess access = new ConversationAccess(
                ticket, 42, "Impressora", UUID.randomUUID(), UUID.randomUUID(), null, 3, false, true);
        CommentAdded note = new Comment(ticket, author, true, "senha 1234", WRITTEN).added(access);
        CommentAdded reply = new Comment(ticket, author, false, "trocamos o cabo", WRITTEN).added(access);
        assertThat(note.body()).isNull();
        assertThat(note.internal()).isTrue();
        assertThat(reply.body()).isEqualTo("trocamos o cabo");
        assertThat(reply.number()).isEqualTo(42);
        assertThat(reply.occurredAt()).isEqualTo(WRITTEN);
        assertThat(reply.departmentId()).isEqualTo(access.departmentId());
    }
}
