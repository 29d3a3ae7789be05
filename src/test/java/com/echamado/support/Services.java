package com.echamado.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Checks that PostgreSQL, Redis and RabbitMQ answer on 127.0.0.1 before integration tests run. Locally a missing
 * service skips the tests; with {@code CI=true} it fails them.
 */
public class Services implements BeforeAllCallback {

    public static final String HOST = "127.0.0.1";
    public static final int POSTGRES = 5432;
    public static final int REDIS = 6379;
    public static final int RABBITMQ = 5672;

    @Override
    public void beforeAll(ExtensionContext context) {
        require("PostgreSQL", POSTGRES);
        require("Redis", REDIS);
        require("RabbitMQ", RABBITMQ);
    }

    static void require(String name, int port) {
        if (!isOpen(port)) {
            throw unavailable(
                    name + " is not reachable on " + HOST + ":" + port + " (start it as docs say, or run .ci/run)",
                    null);
        }
    }

    /** What a test does when a service it needs is missing: skipped locally, failed with {@code CI=true}. */
    static RuntimeException unavailable(String message, Exception cause) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return new IllegalStateException(message, cause);
        }
        return new TestAbortedException(message, cause);
    }

    static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until a loopback port accepts connections ({@code open}) or refuses them. */
    static void awaitPort(String name, int port, boolean open, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (isOpen(port) == open) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(name + " port " + port + (open ? " did not open" : " did not close"));
    }
}
