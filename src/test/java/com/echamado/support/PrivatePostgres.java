package com.echamado.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of this test alone ({@code initdb} + {@code pg_ctl} on a spare loopback port, trust
 * authentication, data in a temporary directory), for tests that stop it; never the shared one on 5432. Run as root
 * (this machine), the server runs as the {@code postgres} user, as PostgreSQL requires. When it cannot start, the
 * test is skipped locally and fails with {@code CI=true}.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path dir;
    private final Path bin;
    private final int port;

    private PrivatePostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    public static PrivatePostgres start() {
        try {
            Path bin = binaries();
            Path dir = Files.createTempDirectory("echamado-pg-");
            PrivatePostgres server = new PrivatePostgres(dir, bin, PrivateRabbitMq.freePort());
            if (root()) {
                server.run("chown", "postgres:", dir.toString());
            }
            server.run(
                    bin.resolve("initdb").toString(),
                    "-D",
                    server.data(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8");
            server.startAgain();
            return server;
        } catch (IOException | RuntimeException e) {
            throw Services.unavailable("A private PostgreSQL could not start: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts the server again on the same port and data (crash recovery after {@link #stop()}). */
    public void startAgain() {
        run(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data(),
                "-l",
                dir.resolve("postgres.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + dir,
                "start");
        Services.awaitPort("PostgreSQL", port, true, Duration.ofSeconds(30));
    }

    /** Stops the server at once ({@code -m immediate}: every connection cut, as in a crash). */
    public void stop() {
        run(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "stop");
        Services.awaitPort("PostgreSQL", port, false, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        try {
            if (Files.exists(Path.of(data(), "postmaster.pid"))) {
                stop();
            }
        } catch (RuntimeException ignored) {
            // best effort
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private static Path binaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            throw new IOException("PostgreSQL's server binaries are not installed");
        }
        try (Stream<Path> found = Files.list(versions)) {
            return found.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IOException("no pg_ctl under " + versions));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(String... command) {
        List<String> line = new ArrayList<>();
        if (root() && !command[0].equals("chown")) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            Path log = dir.resolve("commands.log");
            Process process = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
