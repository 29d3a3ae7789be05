/**
 * The tickets module's adapters: the ticket pages and the JSON API. Its public types are the {@code web} named
 * interface, for other modules' adapters on tickets (the comments API and pages, the dashboard, the shell): {@link
 * com.echamado.tickets.web.Actors} (the acting user from the token or session), {@link
 * com.echamado.tickets.web.IdempotentResponses} (a creating POST answered once per {@code Idempotency-Key}), {@link
 * com.echamado.tickets.web.TicketWritingApi} (a concurrent change answered 412), {@link
 * com.echamado.tickets.web.TicketPageSection} (a part of the ticket page another module contributes), the {@link
 * com.echamado.tickets.web.Viewer} with the viewer's rights on tickets, and {@link com.echamado.tickets.web.Names} for
 * the names on a ticket.
 */
@org.springframework.modulith.NamedInterface("web")
package com.echamado.tickets.web;
