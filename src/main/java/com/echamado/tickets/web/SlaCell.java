package com.echamado.tickets.web;

import com.echamado.tickets.TicketSummary;
import java.time.Duration;
import java.time.Instant;

/**
 * How the queue shows a ticket's nearest SLA deadline: {@code kind} is late (passed), soon (within the hour), ok,
 * paused or none, each with its own words as well as its colour; {@code amount} the wall-clock time left or past,
 * as "2 h 15 min" or "3 d 4 h".
 */
public record SlaCell(String kind, String amount) {

    public static SlaCell of(TicketSummary ticket, Instant now) {
        if (ticket.slaDueAt() == null) {
            return new SlaCell("PAUSED".equals(ticket.slaState()) ? "paused" : "none", "");
        }
        if (ticket.slaLate(now)) {
            return new SlaCell("late", amount(Duration.between(ticket.slaDueAt(), now)));
        }
        Duration left = Duration.between(now, ticket.slaDueAt());
        return new SlaCell(ticket.slaDueWithin(now, ListFilters.BREACHING) ? "soon" : "ok", amount(left));
    }

    /** Whole minutes, rounded down; at least "1 min" so that a deadline a few seconds off is not "0 min". */
    static String amount(Duration duration) {
        long minutes = Math.max(1, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            return hours > 0 ? days + " d " + hours + " h" : days + " d";
        }
        if (hours > 0) {
            return rest > 0 ? hours + " h " + rest + " min" : hours + " h";
        }
        return rest + " min";
    }
}
