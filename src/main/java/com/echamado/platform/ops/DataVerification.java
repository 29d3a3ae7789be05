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
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --verify-data}: the same binary as an integrity checker for backups and disaster recovery. It starts only a
 * data source (no web server, no migrations, no schedulers), checks the database and prints one line per check;
 * the exit code is 0 when everything is sound and 1 otherwise. The checks are the modules' own ({@link DataCheck}
 * beans, each over the tables its module owns); this class checks only the schema history and reports the outbox.
 */
public final class DataVerification {

    public static final String FLAG = "--verify-data";

    /** The application's package, below which the modules' {@link DataCheck}s live. */
    static final String APPLICATION_PACKAGE = "com.echamado";

    private DataVerification() {}

    /** Runs the checks with the application's configuration (profile, variables, /run/secrets); returns the exit code. */
    public static int run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DataSourceOnly.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .run(args)) {
            DataSource dataSource = context.getBean(DataSource.class);
            List<DataCheck.Check> checks = context.getBeanProvider(DataCheck.class)
                    .orderedStream()
                    .flatMap(module -> module.checks().stream())
                    .toList();
            List<String> failures = verify(dataSource, new JdbcTemplate(dataSource), checks);
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

    static List<String> verify(DataSource dataSource, JdbcTemplate jdbc, List<DataCheck.Check> checks) {
        List<String> failures = new ArrayList<>();
        ValidateResult migrations = flyway(dataSource).validateWithResult();
        report(
                failures,
                "schema history matches the migrations",
                migrations.validationSuccessful ? 0 : Math.max(1, migrations.invalidMigrations.size()));
        for (DataCheck.Check check : checks) {
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
     * Only a data source (on the local profile's embedded PostgreSQL when that is the database) and the modules'
     * {@link DataCheck}s: no web server, no migrations, no schedulers, no message listeners.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @Import(EmbeddedDatabase.class)
    @ComponentScan(
            basePackages = APPLICATION_PACKAGE,
            useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = DataCheck.class))
    static class DataSourceOnly {}
}
