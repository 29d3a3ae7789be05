package com.echamado.tickets;

import com.echamado.support.TestDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The generated data ({@link ScaleData}, 50,000 tickets) the query-plan tests EXPLAIN their SQL on, generated once a
 * test run in its own database and shared by the tickets' and the dashboard's plan tests. {@code
 * -Dscale.database=echamado_scale} uses an existing data set instead (bench/seed.sh).
 */
public final class PlanDatabase {

    public static final long TICKETS = 50_000;

    private static DataSource dataSource;

    private PlanDatabase() {}

    public static synchronized DataSource dataSource() throws Exception {
        if (dataSource == null) {
            String existing = System.getProperty("scale.database");
            String url;
            if (existing == null || existing.isBlank()) {
                url = TestDatabase.fresh("plans");
                ScaleData.fill(url, ScaleData.Size.of(TICKETS));
            } else {
                url = ScaleData.HOST + existing;
            }
            dataSource = new DriverManagerDataSource(url, ScaleData.USER, "");
        }
        return dataSource;
    }

    /** An administrator, an agent of two departments and the requester with the most tickets, in that order. */
    public static List<Actor> actors(JdbcTemplate plain) {
        Actor admin = new Actor(
                plain.queryForObject("select user_id from app_user_role where role = 'ADMIN' limit 1", UUID.class),
                true,
                false,
                Set.of());
        UUID agentId = plain.queryForObject(
                "select user_id from department_agent group by user_id having count(*) = 2 order by user_id limit 1",
                UUID.class);
        Actor agent = new Actor(
                agentId,
                false,
                true,
                new HashSet<>(plain.queryForList(
                        "select department_id from department_agent where user_id = ?", UUID.class, agentId)));
        Actor requester = new Actor(
                plain.queryForObject(
                        "select requester_id from ticket group by requester_id order by count(*) desc limit 1",
                        UUID.class),
                false,
                false,
                Set.of());
        return List.of(admin, agent, requester);
    }
}
