/**
 * Tickets and their conversation: opening, the status lifecycle, assignment, resolution, closing, reopening and
 * rating; public replies and internal notes; an immutable history; lists, full-text search and the dashboard.
 * Comments live here rather than in a module of their own because first-response time, visibility and search are
 * rules of the ticket.
 *
 * <p>Allowed dependencies: {@code catalog} (statuses, departments, priorities) and {@code identity} (requesters,
 * agents, roles), and the platform. The event records form the named interface {@code tickets :: events}, which is
 * all that consumers such as notifications may see.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "identity", "platform", "platform :: *"})
package com.echamado.tickets;
