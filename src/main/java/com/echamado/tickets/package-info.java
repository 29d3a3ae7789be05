/**
 * Tickets and their conversation: opening, the status lifecycle, assignment, resolution, closing, reopening and
 * rating; public replies and internal notes; an immutable history; lists and full-text search. Who may see and work a
 * ticket is one rule, {@link com.echamado.tickets.TicketAccess}, whose Java form the facade applies and whose SQL form
 * lists, search and the dashboard select with. Every write of a ticket row is announced inside its transaction as a
 * {@link com.echamado.tickets.TicketStateChanged} (the dashboard keeps its counters from it). Comments live here
 * rather than in a module of their own because first-response time, visibility and search are rules of the ticket.
 */
package com.echamado.tickets;
