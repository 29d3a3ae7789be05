package com.echamado.dashboard;

import com.echamado.tickets.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's facade: a caller's help desk at a glance, limited to the tickets {@link
 * com.echamado.tickets.TicketAccess} lets them see, reused from the shared cache for {@code echamado.dashboard.cache-ttl}
 * when that is not zero.
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

    private final TicketDashboard dashboard;
    private final DashboardProperties properties;

    Dashboards(TicketDashboard dashboard, DashboardProperties properties) {
        this.dashboard = dashboard;
        this.properties = properties;
    }

    public Dashboard of(Actor actor) {
        return properties.cacheTtl().isZero() ? dashboard.of(actor) : dashboard.cached(actor);
    }
}
