/**
 * The tickets module's adapters: the ticket pages and the JSON API (package-private), and, as the named interface
 * {@code pages}, what other modules' pages that show tickets use: the {@link com.echamado.tickets.web.Viewer} with
 * the viewer's rights on tickets, and {@link com.echamado.tickets.web.Names} for the names on a ticket.
 */
@org.springframework.modulith.NamedInterface("pages")
package com.echamado.tickets.web;
