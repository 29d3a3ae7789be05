package com.echamado.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of this test alone, on spare loopback ports (AMQP, distribution, epmd), with its own data
 * directory, for tests that stop the broker; never the shared one on 5672. When it cannot start, the test is
 * skipped locally and fails with {@code CI=true}.
 */
public final class PrivateRabbitMq implements AutoCloseable {

    private static final String BIN = "/usr/lib/rabbitmq/bin/";

    private final Path dir;
    private final String node;
    private final int port;
    private final int epmdPort;
    private final Map<String, String> env;

    private PrivateRabbitMq(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        int distPort = freePort();
        this.epmdPort = freePort();
        this.node = "echamado-" + TestDatabase.RUN_ID + "@localhost";
        Files.createDirectories(dir.resolve("mnesia"));
        Files.createDirectories(dir.resolve("log"));
        Files.writeString(
                dir.resolve("rabbitmq.conf"),
                "listeners.tcp.default = 127.0.0.1:" + port + "\nloopback_users = none\n");
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
        this.env = Map.ofEntries(
                Map.entry("HOME", dir.toString()),
                Map.entry("RABBITMQ_NODENAME", node),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                Map.entry("RABBITMQ_NODE_PORT", Integer.toString(port)),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(distPort)),
                Map.entry("ERL_EPMD_PORT", Integer.toString(epmdPort)),
                Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1"),
                Map.entry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString()),
                Map.entry(
                        "RABBITMQ_CONF_ENV_FILE",
                        dir.resolve("rabbitmq-env.conf").toString()),
                Map.entry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", dir.resolve("log").toString()),
                Map.entry("RABBITMQ_PID_FILE", dir.resolve("pid").toString()),
                Map.entry(
                        "RABBITMQ_ENABLED_PLUGINS_FILE",
                        dir.resolve("enabled_plugins").toString()),
                Map.entry("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"));
    }

    /** Starts a node and waits until it accepts AMQP connections (its start-up time: docs/scale.md). */
    public static PrivateRabbitMq start(Path dir) {
        try {
            if (!Files.isExecutable(Path.of(BIN, "rabbitmq-server"))) {
                throw new IOException("rabbitmq-server is not installed");
            }
            PrivateRabbitMq broker = new PrivateRabbitMq(dir);
            broker.run(Duration.ofSeconds(10), "rabbitmq-server", "-detached");
            broker.awaitPort(true, Duration.ofSeconds(90));
            return broker;
        } catch (IOException | RuntimeException e) {
            throw Services.unavailable("A private RabbitMQ could not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** Stops the RabbitMQ application (the port closes; queues and messages stay). */
    public void stopApp() {
        run(Duration.ofSeconds(60), "rabbitmqctl", "-n", node, "stop_app");
        awaitPort(false, Duration.ofSeconds(30));
    }

    public void startApp() {
        run(Duration.ofSeconds(60), "rabbitmqctl", "-n", node, "start_app");
        awaitPort(true, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        try {
            run(Duration.ofSeconds(60), "rabbitmqctl", "-n", node, "stop");
        } catch (RuntimeException ignored) {
            // best effort
        }
        try {
            // the node's own epmd (on ERL_EPMD_PORT) outlives "rabbitmqctl stop"
            ProcessBuilder kill = new ProcessBuilder("epmd", "-kill").redirectErrorStream(true);
            kill.environment().putAll(env);
            kill.start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // best effort
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dir.toString()))
                .forEach(ProcessHandle::destroy);
    }

    private void run(Duration timeout, String... command) {
        try {
            List<String> line = new java.util.ArrayList<>(List.of(command));
            line.set(0, BIN + command[0]);
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("commands.log").toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitPort(boolean open, Duration within) {
        Services.awaitPort("RabbitMQ", port, open, within);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
