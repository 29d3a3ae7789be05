package com.echamado.dashboard.web;

import com.echamado.dashboard.Dashboard;
import com.echamado.dashboard.Dashboards;
import com.echamado.tickets.web.Actors;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard}: the caller's figures, limited to the tickets they may see. */
@RestController
class DashboardApi {

    private final Dashboards dashboards;
    private final Actors actors;

    DashboardApi(Dashboards dashboards, Actors actors) {
        this.dashboards = dashboards;
        this.actors = actors;
    }

    @GetMapping("/api/v1/dashboard")
    Dashboard dashboard(Authentication authentication) {
        return dashboards.of(actors.of(authentication));
    }
}
