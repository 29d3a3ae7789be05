package com.echamado.dashboard.web;

import com.echamado.dashboard.Dashboard;
import com.echamado.dashboard.Dashboards;
import com.echamado.dashboard.SlaCompliance;
import com.echamado.sla.ComplianceRow;
import com.echamado.tickets.web.Actors;
import java.time.YearMonth;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dashboard}: the caller's figures, limited to the tickets they may see; {@code GET
 * /api/v1/dashboard/sla}: SLA compliance per department, month and target of the departments the caller works.
 */
@RestController
class DashboardApi {

    private final Dashboards dashboards;
    private final SlaCompliance compliance;
    private final Actors actors;

    DashboardApi(Dashboards dashboards, SlaCompliance compliance, Actors actors) {
        this.dashboards = dashboards;
        this.compliance = compliance;
        this.actors = actors;
    }

    @GetMapping("/api/v1/dashboard")
    Dashboard dashboard(Authentication authentication) {
        return dashboards.of(actors.of(authentication));
    }

    /**
     * Months as {@code 2026-11}, both inclusive (at most 24); without them the last {@link SlaCompliance#MONTHS}.
     * Each row: targets met, met in time, breached and still unmet, and the percentage in time of those decided.
     */
    @GetMapping("/api/v1/dashboard/sla")
    List<ComplianceRow> sla(
            @RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            Authentication authentication) {
        if (from == null && to == null) {
            return compliance.recent(actors.of(authentication));
        }
        YearMonth end = to == null ? YearMonth.now(java.time.ZoneOffset.UTC) : to;
        return compliance.of(actors.of(authentication), from == null ? end : from, end);
    }
}
