package com.echamado.tickets.web;

/**
 * Marks another module's API whose writes change tickets (the comments API): like the tickets API, it answers a
 * concurrent change of what it writes with 412 {@code stale} instead of the platform's 409.
 */
public interface TicketWritingApi {}
