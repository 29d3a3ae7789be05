package com.echamado.dashboard;

import com.echamado.sla.ComplianceRow;
import com.echamado.sla.ServiceLevels;
import com.echamado.tickets.Actor;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * SLA compliance per department and month for the dashboard, read from the sla module's facade: targets met in time
 * of those decided (met, or breached and unmet), in the month they were decided (UTC). Administrators see every
 * department, agents their own, requesters none. The tickets at risk now are the queue's "breaching" view (the
 * tickets' nearest SLA deadline), which the page reads through the tickets facade.
 */
@Service
public class SlaCompliance {

    /** Months the dashboard shows: this one and the two before it. */
    public static final int MONTHS = 3;

    private final ServiceLevels serviceLevels;
    private final Clock clock;

    SlaCompliance(ServiceLevels serviceLevels, Clock clock) {
        this.serviceLevels = serviceLevels;
        this.clock = clock;
    }

    /** The last {@link #MONTHS} months, newest first, then by department and target. */
    public List<ComplianceRow> recent(Actor actor) {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        return of(actor, now.minusMonths(MONTHS - 1), now);
    }

    /** The months from {@code from} to {@code to}, inclusive, newest first, then by department and target. */
    public List<ComplianceRow> of(Actor actor, YearMonth from, YearMonth to) {
        if (!actor.isStaff()) {
            return List.of();
        }
        return serviceLevels.compliance(from, to).stream()
                .filter(row -> actor.admin() || actor.departments().contains(row.departmentId()))
                .sorted(Comparator.comparing(ComplianceRow::month)
                        .reversed()
                        .thenComparing(row -> String.valueOf(row.departmentId()))
                        .thenComparing(ComplianceRow::target))
                .toList();
    }
}
