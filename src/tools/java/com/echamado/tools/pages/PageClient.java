package com.echamado.tools.pages;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of HTTP for {@link PageBenchmark}: its own cookies (the session cookie, kept whatever its
 * Secure flag, as a browser on the real HTTPS origin would), no redirects followed, browser-like Accept headers, and
 * the benchmark's tag in {@code X-Bench-Page} so that the server's access log names the page of each request.
 */
final class PageClient {

    static final String TAG_HEADER = "X-Bench-Page";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    PageClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A GET with this client's cookies; the body is read in full. */
    Response get(String path, String tag) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET();
        if (tag != null) {
            request.header(TAG_HEADER, tag);
        }
        return send(request.build());
    }

    /** Signs in through the login form, as a browser does: the page's CSRF token, then the form post. */
    void signIn(String email, String password) throws IOException, InterruptedException {
        Response page = get("/login", null);
        Matcher token = CSRF.matcher(page.body());
        if (page.status() != 200 || !token.find()) {
            throw new IllegalStateException("no login form at " + base + "/login: HTTP " + page.status());
        }
        String form = Map.of("username", email, "password", password, "_csrf", token.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Response posted = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        String location = posted.location();
        if (posted.status() != 302 || location == null || location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException(
                    "sign-in of " + email + " failed: HTTP " + posted.status() + " " + location);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", "pt-BR,pt;q=0.9")
                .header("User-Agent", "EChamado-PageBenchmark");
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
        return new Response(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Location").orElse(null),
                nanos);
    }

    record Response(int status, String body, String location, long clientNanos) {}
}
