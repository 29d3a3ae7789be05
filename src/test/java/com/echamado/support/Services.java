package com.echamado.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 2000);
        } catch (IOException e) {
            String message =
                    name + " is not reachable on " + HOST + ":" + port + " (start it as docs say, or run .ci/run)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            throw new TestAbortedException(message);
        }
    }
}
