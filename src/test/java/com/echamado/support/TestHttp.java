package com.echamado.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like HTTP client for tests over real HTTP: keeps cookies (also {@code Secure} ones, since tests run on
 * plain http), never follows redirects, and reads CSRF tokens from forms.
 */
public class TestHttp {

    /** The body of {@code POST /api/v1/tickets} in the seeded default catalog; {@code %s} is the title. */
    public static final String NEW_TICKET = """
            {"title":"%s","description":"x","typeId":"00000000-0000-4000-8000-000000000301",
             "categoryId":"00000000-0000-4000-8000-000000000401","departmentId":"00000000-0000-4000-8000-000000000201"}
            """;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public TestHttp(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, headers).GET());
    }

    public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(pathOrUrl, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> json(String method, String pathOrUrl, String token, String body) {
        return jsonWithHeader(method, pathOrUrl, token, body);
    }

    /** A JSON request with extra headers given as name, value pairs. */
    public HttpResponse<String> jsonWithHeader(
            String method, String pathOrUrl, String token, String body, String... headers) {
        HttpRequest.Builder builder =
                request(pathOrUrl, headers).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A {@code multipart/form-data} post of form fields and files (each file a name and its bytes, all under the part
     * name {@code filePart}), as a browser's file field with {@code multiple} sends them; extra headers as pairs.
     */
    public HttpResponse<String> postMultipart(
            String pathOrUrl,
            Map<String, String> fields,
            String filePart,
            Map<String, byte[]> files,
            String... headers) {
        String boundary = "----echamado" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, bytes) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart
                            + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(pathOrUrl, headers)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Signs in through the login form; returns the response to the form post (a redirect). */
    public HttpResponse<String> login(String email, String password) {
        String csrf = csrf(get("/login").body());
        return postForm("/login", Map.of("username", email, "password", password, "_csrf", csrf));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in page: " + html);
        }
        return matcher.group(1);
    }

    public static JsonNode parse(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError(
                        "No Location header; status " + response.statusCode() + " body " + response.body()));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String pathOrUrl, String... headers) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            for (String header : setCookies) {
                String[] pair = header.split(";", 2)[0].split("=", 2);
                if (pair.length == 2) {
                    if (pair[1].isEmpty() || header.toLowerCase().contains("max-age=0")) {
                        cookies.remove(pair[0]);
                    } else {
                        cookies.put(pair[0], pair[1]);
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
