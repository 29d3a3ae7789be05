package com.echamado.sla;

import java.util.UUID;

/**
 * SLA compliance of one department, month (of the met or breach instant, UTC) and target: targets met, of them in
 * time, and targets breached and still unmet. Only a target's current cycle is kept, so a next-response row counts
 * each ticket's latest requester message.
 */
public record ComplianceRow(
        UUID departmentId, String month, SlaTarget target, long met, long metInTime, long breachedUnmet) {

    /** Share met in time of all decided targets (met, or breached and unmet), in percent; null with none. */
    public Double percent() {
        long decided = met + breachedUnmet;
        return decided == 0 ? null : Math.round(1000.0 * metInTime / decided) / 10.0;
    }
}
