/**
 * Tickets: opening, editing, assignment, the status lifecycle (resolution, closing, reopening, rating), an immutable
 * history, lists and full-text search. {@code TicketManagement} is the facade; each capability is a
 * package-private collaborator behind it, and {@code TicketEvents} builds every event. The conversation (public
 * replies and internal notes) is the {@code comments} module's, which depends on this one and never the reverse:
 * {@code TicketConversation} tells it who may read, reply or write notes, and applies what a message does to the
 * ticket (history, first-response time, a requester's reply resuming a ticket that waits for the customer, the search
 * document). The search document holds the public replies' words, read by SQL from {@code ticket_comment}, whose
 * table and early migrations stay in this module's folder. Who may see and work a ticket is one rule, {@link
 * com.echamado.tickets.TicketAccess}, whose Java form the facade applies and whose SQL form lists, search and the
 * dashboard select with. Every write of a ticket row is announced inside its transaction as a {@link
 * com.echamado.tickets.TicketStateChanged} (the dashboard keeps its counters from it).
 *
 * <p>Allowed dependencies: {@code catalog} (statuses, departments, priorities) and {@code identity} (requesters,
 * agents, roles), and the platform. The event records form the named interface {@code tickets :: events}, which is
 * all that consumers such as notifications may see.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "identity", "platform", "platform :: *"})
package com.echamado.tickets;
