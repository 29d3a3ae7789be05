package com.echamado.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of this test alone ({@code redis-server} on a spare loopback port, nothing saved to disk, like
 * production's), for tests that stop it; never the shared one on 6379. When it cannot start, the test is skipped
 * locally and fails with {@code CI=true}.
 */
public final class PrivateRedis implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/bin/redis-server");

    private final Path dir;
    private final int port;
    private Process process;

    private PrivateRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static PrivateRedis start(Path dir) {
        try {
            if (!Files.isExecutable(BIN)) {
                throw new IOException("redis-server is not installed");
            }
            Files.createDirectories(dir);
            PrivateRedis redis = new PrivateRedis(dir, PrivateRabbitMq.freePort());
            redis.startAgain();
            return redis;
        } catch (IOException | RuntimeException e) {
            throw Services.unavailable("A private Redis could not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts the server again on the same port, empty (it keeps nothing on disk). */
    public void startAgain() {
        try {
            process = new ProcessBuilder(
                            BIN.toString(),
                            "--bind",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(port),
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Services.awaitPort("Redis", port, true, Duration.ofSeconds(20));
    }

    /** Stops the server (SIGTERM) and waits until its port is closed. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        Services.awaitPort("Redis", port, false, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }
}
