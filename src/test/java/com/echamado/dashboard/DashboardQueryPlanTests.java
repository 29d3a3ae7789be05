package com.echamado.dashboard;

import com.echamado.support.Services;
import com.echamado.tickets.Actor;
import com.echamado.tickets.PlanDatabase;
import com.echamado.tickets.QueryPlans;
import com.echamado.tickets.RecordingJdbcTemplate;
import java.time.Clock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL of the dashboard, EXPLAINed on the generated data of the tickets' plan tests ({@link PlanDatabase}): no
 * plan may scan the ticket table sequentially, for an administrator, an agent or a requester.
 */
@ExtendWith(Services.class)
class DashboardQueryPlanTests {

    @Test
    void dashboardsNeverScanTheTicketTable() throws Exception {
        DataSource dataSource = PlanDatabase.dataSource();
        JdbcTemplate plain = new JdbcTemplate(dataSource);
        RecordingJdbcTemplate recording = new RecordingJdbcTemplate(dataSource);
        Function<Actor, Dashboard> dashboard = TicketDashboards.reading(recording, dataSource, Clock.systemUTC());
        for (Actor actor : PlanDatabase.actors(plain)) {
            QueryPlans.checkPlans(plain, recording, "dashboard", () -> dashboard.apply(actor));
        }
    }
}
