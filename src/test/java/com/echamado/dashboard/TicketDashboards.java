package com.echamado.dashboard;

import com.echamado.tickets.Actor;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's SQL outside the application, for the plan tests and the benchmark on generated data. */
public final class TicketDashboards {

    private TicketDashboards() {}

    /** Figures read through {@code jdbc}; every department (disabled ones too) read from the table. */
    public static Function<Actor, Dashboard> reading(JdbcTemplate jdbc, DataSource dataSource, Clock clock) {
        TicketDashboard dashboard = new TicketDashboard(
                jdbc,
                () -> new JdbcTemplate(dataSource)
                        .queryForList("select id from catalog_entry where kind = 'DEPARTMENT'", UUID.class),
                clock);
        return dashboard::of;
    }
}
