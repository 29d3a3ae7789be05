/**
 * The conversation of a ticket: public replies and internal notes, edited by their author for a short while and
 * deleted softly. Depends on tickets, never the reverse: the ticket's rules (who may read, reply or write notes; the
 * first-response time; a requester's reply taking a waiting ticket back to work; the history and the search document,
 * which holds the public replies' words) are asked of and applied by {@code TicketConversation}, in the same
 * transaction. Messages are stored in {@code ticket_comment}, created by the tickets module's early migrations (kept
 * where they are); new migrations of this module go to {@code db/migration/comments/}. Publishes {@code CommentAdded}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"tickets", "tickets :: web", "identity", "platform", "platform :: *"})
package com.echamado.comments;
