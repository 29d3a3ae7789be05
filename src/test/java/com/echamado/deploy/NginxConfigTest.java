package com.echamado.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nginx -t} on deploy/nginx/nginx.conf. Compose host names do not resolve here, so a copy is tested with the
 * upstream rewritten to 127.0.0.1 and a throw-away self-signed certificate.
 */
@Tag("deploy")
class NginxConfigTest {

    static final Path CONF = Tools.ROOT.resolve("deploy/nginx/nginx.conf");

    @TempDir
    static Path dir;

    static String nginx;

    @BeforeAll
    static void certificate() {
        nginx = Tools.require("nginx", "nginx-light");
        Tools.selfSignedCertificate(dir);
    }

    @Test
    void theConfigurationPassesNginxTest() throws IOException {
        Tools.Result result = nginxTest("tested.conf", Tools.read(CONF)).assertSuccess("nginx -t");
        assertThat(result.output()).contains("test is successful");
    }

    @Test
    void theConfigurationIsTheOneTheServiceNeeds() {
        String conf = Tools.read(CONF);
        assertThat(conf)
                .contains("least_conn;")
                .containsPattern("keepalive \\d+;")
                .contains("server echamado-server:8080")
                .contains("ssl_protocols TLSv1.2 TLSv1.3;")
                .contains("rate=10r/s")
                .contains("limit_req zone=api burst=20 nodelay;")
                .contains("gzip on;")
                .contains("X-Forwarded-Proto $scheme")
                .contains("proxy_set_header X-Forwarded-For $remote_addr;")
                .doesNotContain("$proxy_add_x_forwarded_for")
                .contains("proxy_set_header Forwarded \"\";")
                .contains("Strict-Transport-Security")
                .contains("X-Content-Type-Options")
                .contains("proxy_read_timeout")
                .contains("location = /health")
                .contains("proxy_next_upstream error timeout http_502 http_503");
        assertThat(conf.lines().filter(l -> l.strip().startsWith("proxy_next_upstream ")))
                .as("POST must never be retried on another replica")
                .noneMatch(l -> l.contains("non_idempotent"));
    }

    /**
     * The configuration running (on loopback, upstream on a closed port): /metrics is refused with 403 even to a
     * client on 127.0.0.1 (behind Swarm's routing mesh every client comes from a private address), while other paths
     * are passed on to the upstream (502: nothing listens there).
     */
    @Test
    void metricsAreRefusedToEveryClient() throws Exception {
        int https = freePort();
        String conf = Tools.read(CONF)
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + https + " ssl http2;")
                .replace("listen 80;", "listen 127.0.0.1:" + freePort() + ";")
                .replace("listen [::]:80;", "")
                .replace("listen [::]:443 ssl http2;", "")
                .replace("pid /tmp/nginx.pid;", "pid " + dir.resolve("nginx.pid") + ";")
                .replace("error_log /dev/stderr warn;", "error_log " + dir.resolve("error.log") + " warn;")
                .replace("access_log /dev/stdout main;", "access_log " + dir.resolve("access.log") + " main;");
        Path file = writeForLoopback("running.conf", conf, freePort());
        Process server = new ProcessBuilder(nginx, "-p", dir.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        try {
            awaitPort(https);
            assertThat(status(https, "/metrics")).isEqualTo("403");
            assertThat(status(https, "/metrics/")).isEqualTo("403");
            assertThat(status(https, "/metrics?format=text")).isEqualTo("403");
            assertThat(status(https, "/api/v1/tickets"))
                    .as("other paths reach the upstream")
                    .isEqualTo("502");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static String status(int port, String path) {
        return Tools.run(List.of(
                        "curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "https://127.0.0.1:" + port + path))
                .output()
                .strip();
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not listen on " + port + ": " + Tools.read(dir.resolve("nginx.out")));
    }

    @Test
    void nginxTestCatchesABrokenConfiguration() throws IOException {
        String broken = Tools.read(CONF).replace("limit_req_status 429;", "limit_req_status 429\n    limit_req_zone;");
        Tools.Result result = nginxTest("broken.conf", broken);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    private static Tools.Result nginxTest(String name, String conf) throws IOException {
        Path file = writeForLoopback(name, conf, 8080);
        return Tools.run(List.of(nginx, "-t", "-p", dir.toString(), "-c", file.toString()));
    }

    /** The configuration with its upstream on 127.0.0.1:{@code upstreamPort} and its files in the test folder. */
    private static Path writeForLoopback(String name, String conf, int upstreamPort) throws IOException {
        Path mime = Path.of("/etc/nginx/mime.types");
        if (Files.isReadable(mime)) {
            Files.copy(mime, dir.resolve("mime.types"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.writeString(dir.resolve("mime.types"), "types { text/html html; application/json json; }\n");
        }
        String copy = conf.replace("server echamado-server:8080", "server 127.0.0.1:" + upstreamPort)
                .replace("/etc/nginx/mime.types", dir.resolve("mime.types").toString())
                .replace("/etc/nginx/ssl/", dir.toString() + "/")
                .replace("/tmp/nginx", dir.toString() + "/nginx");
        Path file = dir.resolve(name);
        Files.writeString(file, copy);
        return file;
    }
}
