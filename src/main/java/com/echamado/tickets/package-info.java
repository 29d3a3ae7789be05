/**
 * Tickets and their conversation: opening, the status lifecycle, assignment, resolution, closing, reopening and
 * rating; public replies and internal notes; an immutable history; lists, full-text search and the dashboard.
 * Comments live here rather than in a module of their own because first-response time, visibility and search are
 * rules of the ticket.
 */
package com.echamado.tickets;
