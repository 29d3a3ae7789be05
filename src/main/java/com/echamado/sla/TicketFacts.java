package com.echamado.sla;

import com.echamado.tickets.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a ticket's history (oldest first) into the facts its SLA clocks replay, and recovers the attributes and
 * status it was opened with from the first change of each field. Internal notes are left out: they answer nobody.
 */
final class TicketFacts {

    private TicketFacts() {}

    static List<TicketFact> from(List<HistoryEntry> history, UUID requesterId) {
        List<TicketFact> facts = new ArrayList<>();
        for (HistoryEntry entry : history) {
            TicketFact.Kind kind = switch (entry.field()) {
                case "status" -> TicketFact.Kind.STATUS;
                case "department" -> TicketFact.Kind.DEPARTMENT;
                case "priority" -> TicketFact.Kind.PRIORITY;
                case "type" -> TicketFact.Kind.TYPE;
                case "category" -> TicketFact.Kind.CATEGORY;
                case "reopened" -> TicketFact.Kind.REOPENED;
                case "reply" ->
                    requesterId.equals(entry.actorId()) ? TicketFact.Kind.REQUESTER_REPLY : TicketFact.Kind.AGENT_REPLY;
                default -> null;
            };
            if (kind != null) {
                boolean valued = kind.ordinal() <= TicketFact.Kind.CATEGORY.ordinal();
                facts.add(new TicketFact(entry.changedAt(), kind, valued ? entry.newValue() : null));
            }
        }
        return facts;
    }

    /** The value a field had at the opening: the old value of its first change, or {@code current} if none. */
    static String atOpening(List<HistoryEntry> history, String field, String current) {
        return history.stream()
                .filter(e -> e.field().equals(field))
                .findFirst()
                .map(HistoryEntry::oldValue)
                .orElse(current);
    }
}
