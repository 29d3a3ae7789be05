/**
 * The tickets API and its adapters. Its public types are the {@code web} named interface, for other modules' adapters
 * on tickets (the comments API and pages): {@link com.echamado.tickets.web.Actors} (the acting user from the token or
 * session), {@link com.echamado.tickets.web.IdempotentResponses} (a creating POST answered once per {@code
 * Idempotency-Key}) and {@link com.echamado.tickets.web.TicketWritingApi} (a concurrent change answered 412).
 */
@org.springframework.modulith.NamedInterface("web")
package com.echamado.tickets.web;
