package com.echamado.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code deploy/nginx/nginx.conf} as shipped, run by the real nginx in front of a test instance: only its upstream,
 * listen addresses, certificate and writable paths are moved to loopback and a temporary folder.
 */
public final class ShippedNginx implements AutoCloseable {

    private final Process process;
    private final int httpsPort;

    private ShippedNginx(Process process, int httpsPort) {
        this.process = process;
        this.httpsPort = httpsPort;
    }

    /** The port of the HTTPS server block, on 127.0.0.1. */
    public int httpsPort() {
        return httpsPort;
    }

    /** Starts nginx proxying to {@code 127.0.0.1:appPort}, with its files in {@code dir}; skipped without nginx. */
    public static ShippedNginx inFrontOf(int appPort, Path dir) {
        String binary = Tools.require("nginx", "nginx-light");
        try {
            int https = freePort();
            int http = freePort();
            Tools.selfSignedCertificate(dir);
            Files.copy(Path.of("/etc/nginx/mime.types"), dir.resolve("mime.types"));
            String conf = Files.readString(Tools.ROOT.resolve("deploy/nginx/nginx.conf"))
                    .replace("server echamado-server:8080", "server 127.0.0.1:" + appPort)
                    .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + https + " ssl;")
                    .replace("listen [::]:443 ssl http2;", "")
                    .replace("listen 80;", "listen 127.0.0.1:" + http + ";")
                    .replace("listen [::]:80;", "")
                    .replace("/etc/nginx/mime.types", dir.resolve("mime.types").toString())
                    .replace("/etc/nginx/ssl/", dir + "/")
                    .replace("/tmp/nginx", dir + "/nginx")
                    .replace("access_log /dev/stdout main;", "access_log off;");
            Path file = dir.resolve("nginx.conf");
            Files.writeString(file, conf);
            dir.toFile().setWritable(true, false);
            dir.toFile().setExecutable(true, false);
            Process process = new ProcessBuilder(
                            binary, "-p", dir.toString(), "-c", file.toString(), "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.log").toFile())
                    .start();
            ShippedNginx nginx = new ShippedNginx(process, https);
            nginx.awaitListening(dir);
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(Path dir) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("nginx.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", httpsPort), 500);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("nginx did not listen: " + Files.readString(dir.resolve("nginx.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
