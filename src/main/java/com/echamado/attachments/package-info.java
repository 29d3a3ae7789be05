/**
 * Files on tickets and on their messages: the content, addressed by its SHA-256 and kept once however often it is
 * attached, behind {@link com.echamado.attachments.ContentStore} (PostgreSQL chunks now; object storage can take its
 * place), and the references that put it on a ticket or a message. An attachment is visible exactly to those who see
 * what it is attached to, asked of the tickets module ({@code TicketConversation}) and of the comments facade; its
 * addition and removal are kept in the ticket's history. Depends on tickets and comments, never the reverse; the
 * ticket page shows it through {@code TicketPageSection}. Tables {@code attachment}, {@code attachment_content} and
 * {@code attachment_chunk}, migrations in {@code db/migration/attachments/}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"tickets", "tickets :: web", "comments", "platform", "platform :: *"})
package com.echamado.attachments;
