package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * scripts/backup.sh, scripts/restore.sh and scripts/disaster-recovery.sh against the local PostgreSQL
 * (127.0.0.1:5432, as in CI): a dump restores into a new database with the same row counts; a truncated dump makes
 * the restore fail loudly and leaves no database behind; an existing target database is never overwritten; disaster
 * recovery runs the application's --verify-data on the restored database by default and stops when it fails.
 */
@Tag("deploy")
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

    /** The default folder is relative (./backups): the checksum names the bare file, so restore.sh finds it. */
    @Test
    void aBackupInTheDefaultRelativeFolderRestores() {
        Tools.Result backup = Tools.run(dir, env, List.of(script("backup.sh"))).assertSuccess("backup.sh");
        String dump = backup.output()
                .lines()
                .filter(l -> l.endsWith(".dump"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(dump).startsWith("./backups/");
        assertThat(Tools.read(dir.resolve(dump + ".sha256"))).doesNotContain("/");
        Tools.Result restored =
                Tools.run(dir, env, List.of(script("restore.sh"), dump, target)).assertSuccess("restore.sh");
        assertThat(restored.output()).contains("verified");
        assertThat(psql(target, "SELECT count(*) FROM ticket").strip()).isEqualTo("500");
    }

    /** A copy with one byte changed, beside a copy of its checksum: refused before anything is created. */
    @Test
    void aCorruptedCopyOfABackupIsRefused() throws IOException {
        Path original = Path.of(backup());
        Path copies = Files.createDirectories(dir.resolve("copied-off-site"));
        Path copy = copies.resolve(original.getFileName());
        Files.copy(original, copy);
        Files.copy(Path.of(original + ".sha256"), Path.of(copy + ".sha256"));
        byte[] bytes = Files.readAllBytes(copy);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(copy, bytes);

        Tools.Result result = Tools.run(dir, env, List.of(script("restore.sh"), copy.toString(), target));

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("checksum mismatch: " + copy);
        assertThat(psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + target + "'")
                        .strip())
                .isEqualTo("0");
        Tools.run(dir, env, List.of(script("restore.sh"), original.toString(), target))
                .assertSuccess("restore.sh of the intact original");
    }

    @Test
    void dumpsAndChecksumsAreReadableByTheirOwnerOnly() throws IOException {
        Path dump = Path.of(backup());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(dump + ".sha256"))))
                .isEqualTo("rw-------");
    }

    /**
     * Dashboard counters that drifted in the source (the schema of V70) are restored as they were; --repair-derived
     * rebuilds them from the recount views, so that they equal a recount of the restored tickets.
     */
    @Test
    void repairDerivedRebuildsTheDashboardCountersAfterARestore() {
        psql(source, "DROP TABLE ticket");
        psql(
                source,
                "CREATE TABLE ticket (id bigint PRIMARY KEY, department_id uuid NOT NULL, status_id uuid NOT NULL,"
                        + " priority varchar(10) NOT NULL, assignee_id uuid, is_closed boolean NOT NULL,"
                        + " opened_at timestamptz NOT NULL, first_response_at timestamptz, resolved_at timestamptz,"
                        + " closed_at timestamptz, due_at timestamptz);"
                        + "INSERT INTO ticket SELECT g, ('00000000-0000-0000-0000-00000000000' || (g % 3))::uuid,"
                        + " ('00000000-0000-0000-0000-0000000000a' || (g % 2))::uuid, 'NORMAL', NULL, g % 4 = 0,"
                        + " now() - g * interval '1 hour', NULL, NULL,"
                        + " CASE WHEN g % 4 = 0 THEN now() END, NULL FROM generate_series(1, 200) g;");
        Tools.run(
                        dir,
                        env,
                        List.of(
                                "psql",
                                "-v",
                                "ON_ERROR_STOP=1",
                                "-q",
                                "-d",
                                source,
                                "-f",
                                Tools.ROOT
                                        .resolve("src/main/resources/db/migration/tickets/"
                                                + "V70__ticket_dashboard_counters.sql")
                                        .toString()))
                .assertSuccess("V70 on the source");
        psql(source, "UPDATE ticket_open_count SET n = n + 7; DELETE FROM ticket_daily_count WHERE opened > 1");
        String drift = "SELECT (SELECT count(*) FROM (SELECT * FROM ticket_open_count EXCEPT SELECT * FROM"
                + " ticket_open_recount) a) + (SELECT count(*) FROM (SELECT * FROM ticket_daily_recount EXCEPT"
                + " SELECT * FROM ticket_daily_count) b)";
        assertThat(psql(source, drift).strip()).isNotEqualTo("0");
        String dump = backup();

        Tools.Result repaired = Tools.run(dir, env, List.of(script("restore.sh"), "--repair-derived", dump, target))
                .assertSuccess("restore.sh --repair-derived");

        assertThat(repaired.output()).contains("rebuilding the dashboard counters");
        assertThat(psql(target, drift).strip()).isEqualTo("0");
        assertThat(psql(target, "SELECT sum(n) FROM ticket_open_count").strip()).isEqualTo("150");
    }

    /**
     * The Helm chart's backup CronJob script, run here against the local PostgreSQL: its dump and checksum are
     * rw------- and restore.sh restores the dump.
     */
    @Test
    void theKubernetesBackupJobWritesOwnerOnlyDumpsThatRestore() throws IOException {
        Container dumper = PodSecurityCheck.podSpec(
                        HelmChartTest.one(HelmChartTest.render("values-production.yaml", t -> t), CronJob.class))
                .getContainers()
                .get(0);
        Path backups = Files.createDirectories(dir.resolve("pvc"));
        Map<String, String> jobEnv = new HashMap<>(env);
        jobEnv.put("BACKUP_DIR", backups.toString());
        jobEnv.put("RETENTION_DAYS", "30");
        List<String> command = new java.util.ArrayList<>(dumper.getCommand());
        command.addAll(dumper.getArgs());
        Tools.run(dir, jobEnv, command).assertSuccess("the CronJob's pg-dump script");
        List<Path> dumps = Tools.list(backups, "echamado-*.dump");
        assertThat(dumps).hasSize(1);
        Path dump = dumps.get(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(dump + ".sha256"))))
                .isEqualTo("rw-------");
        Tools.run(dir, env, List.of(script("restore.sh"), dump.toString(), target))
                .assertSuccess("restore.sh of the CronJob's dump");
        assertThat(psql(target, "SELECT count(*) FROM ticket").strip()).isEqualTo("500");
    }

    @Test
    void aTruncatedDumpFailsLoudly() throws IOException {
        Path dump = Path.of(backup());
        byte[] bytes = Files.readAllBytes(dump);
        Path truncated = dir.resolve("truncated.dump");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        Tools.Result result = Tools.run(dir, env, List.of(script("restore.sh"), truncated.toString(), target));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).containsAnyOf("unreadable or truncated", "restore failed");
        assertThat(psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + target + "'")
                        .strip())
                .as("no half-restored database is left behind")
                .isEqualTo("0");
    }

    /**
     * The default disaster recovery: no ECHAMADO_JAR, so the script finds the repository's target/echamado-*.jar
     * (here a stand-in that records its arguments) and restore.sh runs it with --verify-data on the new database.
     */
    @Test
    void disasterRecoveryVerifiesTheRestoredDataByDefault() throws IOException {
        String dump = backup();
        Path repository = disasterRecoveryRepository(dir, true);
        Path jar = fakeApplicationJar(repository.resolve("target/echamado-9.9.9.jar"));
        Path verifyLog = dir.resolve("verify-data.args");
        Tools.Result result = Tools.run(
                dir,
                disasterRecoveryEnv(verifyLog, 0),
                List.of(repository.resolve("scripts/disaster-recovery.sh").toString(), dump, "https://dr.invalid"));
        result.assertSuccess("disaster-recovery.sh");
        assertThat(result.output())
                .contains("checked with " + jar + " --verify-data")
                .contains("fake verify-data: ok")
                .contains("restore of '" + target + "' verified")
                .contains("smoke tests stubbed")
                .contains("disaster recovery completed: database " + target);
        assertThat(verifyLog).exists();
        assertThat(Files.readString(verifyLog))
                .contains("--verify-data")
                .contains("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + target);
        assertThat(psql(target, "SELECT count(*) FROM ticket").strip()).isEqualTo("500");
    }

    /** A database that fails --verify-data stops the recovery before the smoke tests (and any switch). */
    @Test
    void disasterRecoveryStopsWhenTheDataFailsVerification() throws IOException {
        String dump = backup();
        Path repository = disasterRecoveryRepository(dir, true);
        Path jar = fakeApplicationJar(dir.resolve("elsewhere/echamado.jar"));
        Map<String, String> env = new HashMap<>(disasterRecoveryEnv(dir.resolve("verify.args"), 1));
        env.put("ECHAMADO_JAR", jar.toString());
        Tools.Result result = Tools.run(
                dir,
                env,
                List.of(repository.resolve("scripts/disaster-recovery.sh").toString(), dump, "https://dr.invalid"));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains("checked with " + jar + " --verify-data")
                .contains("fake verify-data: problems")
                .contains("disaster recovery FAILED: the restore or its verification of " + target + " failed")
                .doesNotContain("smoke tests stubbed")
                .doesNotContain("disaster recovery completed");
    }

    @Test
    void disasterRecoveryWithSkipVerifyNeedsNoJar() {
        String dump = backup();
        Path repository = disasterRecoveryRepository(dir, true);
        Path verifyLog = dir.resolve("verify-data.args");
        Tools.Result result = Tools.run(
                dir,
                disasterRecoveryEnv(verifyLog, 0),
                List.of(
                        repository.resolve("scripts/disaster-recovery.sh").toString(),
                        "--skip-verify",
                        dump,
                        "https://dr.invalid"));
        result.assertSuccess("disaster-recovery.sh --skip-verify");
        assertThat(result.output())
                .contains("WARNING: --skip-verify")
                .contains("disaster recovery completed: database " + target);
        assertThat(verifyLog).doesNotExist();
    }

    private Map<String, String> disasterRecoveryEnv(Path verifyLog, int verifyExit) {
        Map<String, String> out = new HashMap<>(env);
        out.put("TARGET_DATABASE", target);
        out.put("IMAGE_JAR", dir.resolve("no-image/app.jar").toString());
        out.put("FAKE_VERIFY_LOG", verifyLog.toString());
        out.put("FAKE_VERIFY_EXIT", String.valueOf(verifyExit));
        return out;
    }

    /**
     * A copy of the repository's layout for scripts/disaster-recovery.sh, so that what lies in target/ is the test's
     * choice: the real disaster-recovery.sh, restore.sh (or a stub that records being called), and a smoke-tests.sh
     * stub (there is no service to smoke-test).
     */
    static Path disasterRecoveryRepository(Path dir, boolean realRestore) {
        Path repository = dir.resolve("repository");
        Path scripts = repository.resolve("scripts");
        try {
            Files.createDirectories(scripts);
            Files.createDirectories(repository.resolve("target"));
            Files.copy(
                    Tools.ROOT.resolve("scripts/disaster-recovery.sh"),
                    scripts.resolve("disaster-recovery.sh"),
                    StandardCopyOption.COPY_ATTRIBUTES);
            if (realRestore) {
                Files.copy(
                        Tools.ROOT.resolve("scripts/restore.sh"),
                        scripts.resolve("restore.sh"),
                        StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                executable(
                        scripts.resolve("restore.sh"),
                        "#!/usr/bin/env bash\necho \"restore stub called\"; touch \"$0.called\"\n");
            }
            executable(scripts.resolve("smoke-tests.sh"), "#!/usr/bin/env bash\necho \"smoke tests stubbed: $1\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return repository;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * A stand-in for the application's jar: writes its arguments to $FAKE_VERIFY_LOG and exits with
     * $FAKE_VERIFY_EXIT, as {@code java -jar echamado.jar --verify-data} does (0 sound, 1 problems).
     */
    static Path fakeApplicationJar(Path jar) throws IOException {
        Path src = Files.createDirectories(jar.getParent().resolveSibling("fake-verify-data"));
        Path source = src.resolve("FakeVerifyData.java");
        Files.writeString(source, """
                public class FakeVerifyData {
                    public static void main(String[] args) throws Exception {
                        java.nio.file.Files.writeString(
                                java.nio.file.Path.of(System.getenv("FAKE_VERIFY_LOG")), String.join("\\n", args));
                        int exit = Integer.parseInt(System.getenv().getOrDefault("FAKE_VERIFY_EXIT", "0"));
                        System.out.println("fake verify-data: " + (exit == 0 ? "ok" : "problems"));
                        System.exit(exit);
                    }
                }
                """);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", src.toString(), source.toString()))
                .as("javac FakeVerifyData")
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeVerifyData");
        Files.createDirectories(jar.getParent());
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("FakeVerifyData.class"));
            out.write(Files.readAllBytes(src.resolve("FakeVerifyData.class")));
            out.closeEntry();
        }
        return jar;
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
        Map<String, String> out = new HashMap<>(env);
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
