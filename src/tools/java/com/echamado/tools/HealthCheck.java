package com.echamado.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Container HEALTHCHECK probe for images without curl or wget: GETs a local URL and exits 0 on HTTP 200, 1 otherwise.
 * The URL is the first argument, else HEALTHCHECK_URL, else http://127.0.0.1:${PORT:-8080}/health/live. Compiled in
 * the build stage (a JRE cannot run source files) and run with a tiny heap.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        String url = args.length > 0
                ? args[0]
                : System.getenv().getOrDefault("HEALTHCHECK_URL", "http://127.0.0.1:" + port + "/health/live");
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(4))
                    .GET()
                    .build();
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println("health check " + url + " answered HTTP " + status);
        } catch (Exception e) {
            System.err.println("health check " + url + " failed: " + e);
        }
        System.exit(1);
    }
}
