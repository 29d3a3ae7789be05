package com.echamado;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.echamado.support.Services;
import com.echamado.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rules for the migrations in {@code db/migration}, read as text. A migration newer than {@link #GRANDFATHERED_UP_TO}
 * builds every index on {@code ticket} with {@code CREATE INDEX CONCURRENTLY}: a plain {@code CREATE INDEX} blocks
 * every write to the table while it builds, and a rolling deploy migrates while the old replicas still serve
 * (docs/migrations.md says how to write one).
 */
class MigrationRulesTests {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The last migration written before the rule (V125__catalog_english_names.sql); those stay as they ran. */
    static final int GRANDFATHERED_UP_TO = 125;

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern INDEX_ON_TICKET = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?\\S*\\s*"
                    + "ON\\s+(?:ONLY\\s+)?(?:\"?public\"?\\.)?\"?ticket\"?(?=[\\s(;])",
            Pattern.CASE_INSENSITIVE);

    @Test
    void newMigrationsBuildIndexesOnTicketConcurrently() {
        assertThat(lockingTicketIndexes(MIGRATIONS, GRANDFATHERED_UP_TO)).isEmpty();
    }

    @Test
    void aPlainCreateIndexOnTicketInANewMigrationIsRefused() {
        assertThat(lockingTicketIndexes(Path.of("src/test/resources/migration-rules/locking"), GRANDFATHERED_UP_TO))
                .singleElement()
                .asString()
                .contains("V900__ticket_index_that_locks.sql")
                .contains("ix_ticket_sample_locking");
    }

    @Test
    void concurrentIndexesOnTicketAndIndexesOnOtherTablesPass() {
        assertThat(lockingTicketIndexes(Path.of("src/test/resources/migration-rules/concurrent"), GRANDFATHERED_UP_TO))
                .isEmpty();
    }

    @Test
    void theRuleWouldCatchTheGrandfatheredMigrations() {
        assertThat(lockingTicketIndexes(MIGRATIONS, 0))
                .as("the rule sees the old plain indexes; only the threshold exempts them")
                .anySatisfy(violation -> assertThat(violation).contains("V84__ticket_department_closed_index.sql"));
    }

    /**
     * The sample that keeps the rule migrates with the service's Flyway settings. With Flyway's default
     * transaction-scoped advisory lock, Flyway's own open transaction makes CREATE INDEX CONCURRENTLY wait forever.
     */
    @Test
    @ExtendWith(Services.class)
    void aConcurrentIndexMigrationRunsWithTheServicesFlywaySettings() throws IOException {
        boolean transactionalLock = serviceSetting("spring.flyway.postgresql.transactional-lock", true);
        DriverManagerDataSource database =
                new DriverManagerDataSource(TestDatabase.fresh("concurrent_index"), TestDatabase.USER, "");
        Flyway flyway = Flyway.configure()
                .dataSource(database)
                .locations("filesystem:src/test/resources/migration-rules/concurrent")
                .configuration(
                        java.util.Map.of("flyway.postgresql.transactional.lock", Boolean.toString(transactionalLock)))
                .load();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> flyway.migrate());

        assertThat(new JdbcTemplate(database)
                        .queryForList(
                                "select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid"
                                        + " where i.indisvalid and c.relname like 'ix_ticket_sample_%'",
                                String.class))
                .containsExactlyInAnyOrder("ix_ticket_sample_concurrent", "ix_ticket_sample_unique");
    }

    private static boolean serviceSetting(String name, boolean otherwise) throws IOException {
        List<PropertySource<?>> yaml =
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
        return new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(yaml))
                .bind(name, Boolean.class)
                .orElse(otherwise);
    }

    /** Each plain CREATE INDEX on ticket in a migration newer than {@code grandfatheredUpTo}, with its file. */
    static List<String> lockingTicketIndexes(Path folder, int grandfatheredUpTo) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> version(file).orElse(-1) > grandfatheredUpTo)
                    .sorted()
                    .flatMap(file -> lockingTicketIndexes(file).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lockingTicketIndexes(Path file) {
        String sql;
        try {
            sql = COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher index = INDEX_ON_TICKET.matcher(sql);
        List<String> found = new java.util.ArrayList<>();
        while (index.find()) {
            if (index.group(1) == null) {
                found.add(file.getFileName() + ": " + index.group().replaceAll("\\s+", " "));
            }
        }
        return found;
    }

    private static OptionalInt version(Path file) {
        Matcher name = VERSION.matcher(file.getFileName().toString());
        return name.matches() ? OptionalInt.of(Integer.parseInt(name.group(1))) : OptionalInt.empty();
    }
}
