package com.echamado.sla;

import java.util.List;
import java.util.UUID;

/** The SLA of one ticket: the policy (and version) it runs under, null when none matches, and its targets. */
public record TicketSlaView(
        UUID ticketId, UUID policyId, String policyName, Integer policyVersion, List<TicketClockView> clocks) {

    /** The running target due first, or null: what the queue shows. */
    public TicketClockView nearest() {
        return clocks.stream()
                .filter(c -> c.deadlineAt() != null && c.metAt() == null)
                .min(java.util.Comparator.comparing(TicketClockView::deadlineAt))
                .orElse(null);
    }
}
