/**
 * The dashboard: KPIs and charts of the tickets a caller may see ({@link com.echamado.tickets.TicketAccess}), from
 * counters kept in PostgreSQL (tables and migrations under {@code db/migration/tickets}, V70) plus live counts where
 * the set is small or depends on the time of asking. Depends on tickets and catalog, never the reverse. SLA
 * compliance per department and month comes from the {@code sla} module's facade ({@link
 * com.echamado.dashboard.SlaCompliance}); the sla module does not know the dashboard.
 *
 * <p><b>How the counters are kept.</b> Not from the outbox's ticket events: those are delivered after the commit and
 * asynchronously, so between a commit and their delivery the counters would differ from a recount, and
 * {@code --verify-data}, which compares them, would find drift on a live system. Instead tickets announce every write
 * of a ticket row ({@link com.echamado.tickets.TicketStateChanged}, from a Hibernate listener on the ticket side: the
 * state before and after the write), synchronously inside the writing transaction, and
 * {@link com.echamado.dashboard.TicketStatistics} applies the difference in that transaction. The counters therefore
 * equal a recount at every commit; a failed counter write rolls the change back; simultaneous changes add increments
 * under row locks taken in one fixed order, so they neither overwrite each other nor deadlock. The ticket aggregate
 * knows nothing of counters.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"tickets", "tickets :: web", "catalog", "sla", "platform", "platform :: *"})
package com.echamado.dashboard;
