package com.echamado.sla;

import java.time.Instant;

/**
 * One thing that happened to a ticket that an SLA clock cares about, read from the ticket's history. {@code value}
 * is the new status, department, priority, type or category for those kinds, null otherwise. Internal notes are not
 * facts: they answer nobody.
 */
record TicketFact(Instant at, Kind kind, String value) {

    enum Kind {
        STATUS,
        DEPARTMENT,
        PRIORITY,
        TYPE,
        CATEGORY,
        REQUESTER_REPLY,
        AGENT_REPLY,
        REOPENED
    }
}
