package com.echamado.comments;

import java.time.Instant;
import java.util.UUID;

/** A public reply or an internal note. */
public record CommentView(
        UUID id, UUID ticketId, UUID authorId, boolean internal, String body, Instant createdAt, Instant editedAt) {}
