package com.echamado.comments;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket's conversation as one reader may see it (internal notes only for the ticket's agents and administrators),
 * with the messages they may still edit and those they may delete.
 */
public record Conversation(List<CommentView> comments, Set<UUID> editable, Set<UUID> deletable) {

    public Conversation {
        comments = List.copyOf(comments);
        editable = Set.copyOf(editable);
        deletable = Set.copyOf(deletable);
    }
}
