package com.echamado.tickets;

import com.echamado.platform.ops.DataCheck;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --verify-data} over the dashboard's counters ({@link TicketStatistics}): both tables equal the recount views
 * of migration V70 ({@code scripts/restore.sh --repair-derived} rebuilds them from those views). A class of its own
 * so that it moves with the counters when the dashboard becomes a module.
 */
@Component
@Order(200)
class DashboardCounterCheck implements DataCheck {

    @Override
    public List<Check> checks() {
        return List.of(
                new Check(
                        "the dashboard's open-ticket counters equal a recount",
                        "select count(*) from ((select department_id, status_id, priority, unassigned, n"
                                + " from ticket_open_count where n <> 0"
                                + " except select department_id, status_id, priority, unassigned, n from ticket_open_recount)"
                                + " union all (select department_id, status_id, priority, unassigned, n"
                                + " from ticket_open_recount"
                                + " except select department_id, status_id, priority, unassigned, n from ticket_open_count)) d"),
                new Check(
                        "the dashboard's daily counters equal a recount",
                        "select count(*) from ((select stat_day, department_id, opened, closed, first_response_us,"
                                + " first_responses, resolution_us, resolutions from ticket_daily_count"
                                + " where opened <> 0 or closed <> 0 or first_responses <> 0 or resolutions <> 0"
                                + " except select stat_day, department_id, opened, closed, first_response_us,"
                                + " first_responses, resolution_us, resolutions from ticket_daily_recount)"
                                + " union all (select stat_day, department_id, opened, closed, first_response_us,"
                                + " first_responses, resolution_us, resolutions from ticket_daily_recount"
                                + " except select stat_day, department_id, opened, closed, first_response_us,"
                                + " first_responses, resolution_us, resolutions from ticket_daily_count)) d"));
    }
}
