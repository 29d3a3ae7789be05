/**
 * Service levels: business-time calendars (zone, weekly hours, holidays, 24×7), ordered policies with first
 * response, next response and resolution targets, per-ticket clocks replayed from the ticket's history (so that a
 * recomputation gives the same answer), and the escalation scheduler that announces {@link
 * com.echamado.sla.SlaWarning} and {@link com.echamado.sla.SlaBreached}. Reads tickets and the catalog through their
 * facades and reacts to ticket events; the tickets module knows nothing of it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "tickets",
            "tickets :: events",
            "comments :: events",
            "catalog",
            "platform",
            "platform :: *"
        })
package com.echamado.sla;
