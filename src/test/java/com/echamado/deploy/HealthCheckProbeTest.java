package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's HEALTHCHECK probe ({@code src/tools/java}) compiles on its own with the JDK alone, as the Dockerfile
 * compiles it, and exits 0 only on HTTP 200, as Docker expects.
 */
@Tag("deploy")
class HealthCheckProbeTest {

    @TempDir
    static Path classes;

    static HttpServer server;

    @BeforeAll
    static void compileAndServe() throws Exception {
        int rc = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "--release",
                        "17",
                        "-d",
                        classes.toString(),
                        Tools.ROOT
                                .resolve("src/tools/java/com/echamado/tools/HealthCheck.java")
                                .toString());
        assertThat(rc).as("javac HealthCheck.java").isZero();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health/live", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void healthyOnlyOn200() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        assertThat(probe(base + "/health/live").exitCode()).isZero();
        assertThat(probe(base + "/health/ready").exitCode()).isEqualTo(1);
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Tools.Result refused = probe("http://127.0.0.1:" + closed + "/health/live");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("failed");
    }

    private static Tools.Result probe(String url) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(Files.isExecutable(Path.of(java))).isTrue();
        return Tools.run(List.of(java, "-Xmx24m", "-cp", classes.toString(), "com.echamado.tools.HealthCheck", url));
    }
}
