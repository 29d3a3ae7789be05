package com.echamado.platform.ops;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --verify-data}: the same binary as an integrity checker for backups and disaster recovery. It starts only a
 * data source (no web server, no migrations, no schedulers), checks the database and prints one line per check;
 * the exit code is 0 when everything is sound and 1 otherwise.
 */
public final class DataVerification {

    public static final String FLAG = "--verify-data";

    /** A check: a name, and SQL that counts the rows violating it (0 = sound). */
    record Check(String name, String violationsSql) {}

    static final List<Check> CHECKS = List.of(
            new Check(
                    "ticket numbers are unique",
                    "select count(*) from (select number from ticket group by number having count(*) > 1) d"),
            new Check(
                    "the ticket-number sequence is ahead of every ticket",
                    "select count(*) from ticket where number > (select last_value from ticket_number_seq)"),
            new Check(
                    "every ticket has its 'created' history entry",
                    "select count(*) from ticket t where not exists (select 1 from ticket_history h"
                            + " where h.ticket_id = t.id and h.field = 'created')"),
            new Check(
                    "history rows belong to tickets",
                    "select count(*) from ticket_history h where not exists (select 1 from ticket t where t.id = h.ticket_id)"),
            new Check(
                    "comments belong to tickets",
                    "select count(*) from ticket_comment c where not exists (select 1 from ticket t where t.id = c.ticket_id)"),
            new Check(
                    "tickets refer to existing catalog entries",
                    "select count(*) from ticket t where not exists (select 1 from catalog_entry e where e.id = t.status_id)"
                            + " or not exists (select 1 from catalog_entry e where e.id = t.department_id)"
                            + " or not exists (select 1 from catalog_entry e where e.id = t.type_id)"
                            + " or not exists (select 1 from catalog_entry e where e.id = t.category_id)"),
            new Check(
                    "tickets refer to existing users",
                    "select count(*) from ticket t where not exists (select 1 from app_user u where u.id = t.requester_id)"
                            + " or (t.assignee_id is not null and not exists"
                            + " (select 1 from app_user u where u.id = t.assignee_id))"),
            new Check(
                    "department members are existing users",
                    "select count(*) from department_agent a where not exists (select 1 from app_user u where u.id = a.user_id)"),
            new Check(
                    "closed tickets have a closing time and open ones none",
                    "select count(*) from ticket where (is_closed and closed_at is null) or (not is_closed and closed_at is not null)"),
            new Check(
                    "the dashboard's open-ticket counters equal a recount",
                    "select count(*) from ((select department_id, status_id, priority, unassigned, n"
                            + " from ticket_open_count where n <> 0"
                            + " except select department_id, status_id, priority, unassigned, n from ticket_open_recount)"
                            + " union all (select department_id, status_id, priority, unassigned, n from ticket_open_recount"
                            + " except select department_id, status_id, priority, unassigned, n from ticket_open_count)) d"),
            new Check(
                    "the dashboard's daily counters equal a recount",
                    "select count(*) from ((select stat_day, department_id, opened, closed, first_response_us,"
                            + " first_responses, resolution_us, resolutions from ticket_daily_count"
                            + " where opened <> 0 or closed <> 0 or first_responses <> 0 or resolutions <> 0"
                            + " except select stat_day, department_id, opened, closed, first_response_us, first_responses,"
                            + " resolution_us, resolutions from ticket_daily_recount)"
                            + " union all (select stat_day, department_id, opened, closed, first_response_us,"
                            + " first_responses, resolution_us, resolutions from ticket_daily_recount"
                            + " except select stat_day, department_id, opened, closed, first_response_us, first_responses,"
                            + " resolution_us, resolutions from ticket_daily_count)) d"),
            new Check(
                    "exactly one initial and one resolving status",
                    "select case when (select count(*) from catalog_entry where kind = 'STATUS' and is_initial) = 1"
                            + " and (select count(*) from catalog_entry where kind = 'STATUS' and is_resolving) = 1"
                            + " then 0 else 1 end"),
            new Check(
                    "at least one administrator",
                    "select case when exists (select 1 from app_user_role r join app_user u on u.id = r.user_id"
                            + " where r.role = 'ADMIN' and u.enabled) then 0 else 1 end"));

    private DataVerification() {}

    /** Runs the checks with the application's configuration (profile, variables, /run/secrets); returns the exit code. */
    public static int run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DataSourceOnly.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .run(args)) {
            DataSource dataSource = context.getBean(DataSource.class);
            List<String> failures = verify(dataSource, new JdbcTemplate(dataSource));
            System.out.println(
                    failures.isEmpty()
                            ? "verify-data: the database is sound"
                            : "verify-data: " + failures.size() + " problem(s) found");
            return failures.isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            System.out.println("verify-data: FAIL cannot check the database: " + e.getMessage());
            return 1;
        }
    }

    static List<String> verify(DataSource dataSource, JdbcTemplate jdbc) {
        List<String> failures = new ArrayList<>();
        ValidateResult migrations = flyway(dataSource).validateWithResult();
        report(
                failures,
                "schema history matches the migrations",
                migrations.validationSuccessful ? 0 : Math.max(1, migrations.invalidMigrations.size()));
        for (Check check : CHECKS) {
            long violations;
            try {
                Long counted = jdbc.queryForObject(check.violationsSql(), Long.class);
                violations = counted == null ? 0 : counted;
            } catch (RuntimeException e) {
                violations = -1;
            }
            report(failures, check.name(), violations);
        }
        Long backlog =
                jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
        System.out.println("verify-data: INFO events not yet delivered (outbox backlog): " + backlog);
        return failures;
    }

    private static void report(List<String> failures, String name, long violations) {
        if (violations == 0) {
            System.out.println("verify-data: OK   " + name);
        } else {
            failures.add(name);
            System.out.println("verify-data: FAIL " + name
                    + (violations < 0 ? " (the check could not run)" : " (" + violations + " violation(s))"));
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:pending")
                .load();
    }

    /**
     * Only a data source (on the local profile's embedded PostgreSQL when that is the database): no web server, no
     * migrations, no schedulers, no message listeners.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @Import(EmbeddedDatabase.class)
    static class DataSourceOnly {}
}
