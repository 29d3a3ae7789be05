package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * scripts/backup.sh and scripts/restore.sh against the local PostgreSQL (127.0.0.1:5432, as in CI): a dump restores
 * into a new database with the same row counts; a truncated dump makes the restore fail loudly and leaves no
 * database behind; an existing target database is never overwritten.
 */
class BackupRestoreTest {

    @TempDir
    Path dir;

    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String source = "echamado_bk_src_" + id;
    final String target = "echamado_bk_dst_" + id;
    Map<String, String> env;

    @BeforeEach
    void sourceDatabase() {
        Tools.require("pg_dump", "postgresql-client");
        Tools.require("pg_restore", "postgresql-client");
        if (!reachable()) {
            String message = "PostgreSQL does not answer on 127.0.0.1:5432";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            throw new TestAbortedException(message + " — skipped locally");
        }
        env = Map.of("PGHOST", "127.0.0.1", "PGPORT", "5432", "PGUSER", "postgres", "PGDATABASE", source);
        psql("postgres", "CREATE DATABASE " + source);
        psql(
                source,
                "CREATE TABLE ticket (id bigint PRIMARY KEY, title text NOT NULL);"
                        + "INSERT INTO ticket SELECT g, 'ticket ' || g FROM generate_series(1, 500) g;");
    }

    @AfterEach
    void dropDatabases() {
        if (env != null) {
            for (String db : List.of(source, target)) {
                Tools.run(dir, env, List.of("dropdb", "--if-exists", db));
            }
        }
    }

    @Test
    void aBackupRestoresIntoANewDatabaseWithTheSameRows() {
        String dump = backup();
        Tools.Result restored = Tools.run(dir, withCompare(), List.of(script("restore.sh"), dump, target))
                .assertSuccess("restore.sh");
        assertThat(restored.output()).contains("public.ticket").contains("500").contains("verified");
        assertThat(psql(target, "SELECT count(*) FROM ticket").strip()).isEqualTo("500");

        Tools.Result again = Tools.run(dir, env, List.of(script("restore.sh"), dump, target));
        assertThat(again.exitCode()).as(again.output()).isNotZero();
        assertThat(again.output()).contains("already exists");
    }

    @Test
    void aTruncatedDumpFailsLoudly() throws IOException {
        Path dump = Path.of(backup());
        byte[] bytes = Files.readAllBytes(dump);
        Path truncated = dir.resolve("truncated.dump");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Tools.Result result = Tools.run(dir, env, List.of(script("restore.sh"), truncated.toString(), target));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).containsAnyOf("unreadable or truncated", "restore failed");
        assertThat(psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + target + "'")
                        .strip())
                .as("no half-restored database is left behind")
                .isEqualTo("0");
    }

    private String backup() {
        Tools.Result result = Tools.run(
                        dir,
                        env,
                        List.of(script("backup.sh"), dir.resolve("backups").toString()))
                .assertSuccess("backup.sh");
        String file = result.output()
                .lines()
                .filter(l -> l.endsWith(".dump"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(Path.of(file)).exists();
        assertThat(Path.of(file + ".sha256")).exists();
        return file;
    }

    private Map<String, String> withCompare() {
        Map<String, String> out = new java.util.HashMap<>(env);
        out.put("COMPARE_DATABASE", source);
        return out;
    }

    private String psql(String database, String sql) {
        return Tools.run(dir, env, List.of("psql", "-v", "ON_ERROR_STOP=1", "-Atq", "-d", database, "-c", sql))
                .assertSuccess("psql " + sql)
                .output();
    }

    private static String script(String name) {
        return Tools.ROOT.resolve("scripts").resolve(name).toString();
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
