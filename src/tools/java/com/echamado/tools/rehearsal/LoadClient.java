package com.echamado.tools.rehearsal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Load through nginx with a ledger of every attempt.
 *
 * <p>{@code mode=mixed}: threads loop over POST ticket (fresh {@code Idempotency-Key}; retried with the same key on no
 * answer, 5xx, 409 or 429), GET list, GET detail and GET+PATCH with {@code If-Match}, until {@code stop} (a file)
 * exists or {@code seconds} passed. A fraction {@code resend} of the acknowledged POSTs is sent once more, as a client
 * would after losing the answer. With {@code keys=false} no key is sent (the protection removed).
 *
 * <p>{@code mode=storm}: {@code pairs} times, two clients read the same ticket and both PATCH it with the ETag they
 * read; {@code blind=true} removes the protection: the second writer re-reads the ETag after the first one's commit
 * and writes its stale change with it (a blind write, which silently overwrites the first change).
 */
public final class LoadClient {

    static final String TYPE = "00000000-0000-4000-8000-000000000301";
    static final String CATEGORY = "00000000-0000-4000-8000-000000000401";
    static final String SUBCATEGORY = "00000000-0000-4000-8000-000000000501";
    static final String DEPARTMENT = "00000000-0000-4000-8000-000000000201";
    static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Map<String, String> args;
    private final String base;
    private final String token;
    private final String tag;
    private final boolean keys;
    private final int retries;
    private final double resend;
    private final Ledger ledger;
    private final HttpClient http;
    private final List<String> known = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private LoadClient(Map<String, String> args, Ledger ledger) throws Exception {
        this.args = args;
        this.base = args.get("base");
        this.token = Files.readString(Path.of(args.get("token"))).trim();
        this.tag = args.get("tag");
        this.keys = Boolean.parseBoolean(args.getOrDefault("keys", "true"));
        this.retries = Integer.parseInt(args.getOrDefault("retries", "12"));
        this.resend = Double.parseDouble(args.getOrDefault("resend", "0.05"));
        this.ledger = ledger;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .sslContext(trustAll())
                .sslParameters(new SSLParameters())
                .build();
    }

    public static void main(String[] argv) throws Exception {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        try (Ledger ledger = new Ledger(Path.of(args.get("ledger")))) {
            LoadClient client = new LoadClient(args, ledger);
            if ("storm".equals(args.getOrDefault("mode", "mixed"))) {
                client.storm();
            } else {
                client.mixed();
            }
        }
    }

    private void mixed() throws InterruptedException {
        int threads = Integer.parseInt(args.getOrDefault("threads", "6"));
        long pause = Long.parseLong(args.getOrDefault("pause", "150"));
        long deadline = System.currentTimeMillis() + 1000L * Long.parseLong(args.getOrDefault("seconds", "600"));
        Path stop = Path.of(args.getOrDefault("stop", "/nonexistent/stop"));
        for (int i = 0; i < 3; i++) {
            create();
        }
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            start(() -> {
                try {
                    while (!Files.exists(stop) && System.currentTimeMillis() < deadline) {
                        double r = ThreadLocalRandom.current().nextDouble();
                        if (r < 0.4) {
                            create();
                        } else if (r < 0.65) {
                            send("LIST", "list", 1, null, "GET", "/api/v1/tickets?size=20", null, null);
                        } else if (r < 0.85) {
                            send("GET", "get", 1, null, "GET", "/api/v1/tickets/" + anyKnown(), null, null);
                        } else {
                            patch();
                        }
                        Thread.sleep(ThreadLocalRandom.current().nextLong(pause / 2, pause * 3 / 2 + 1));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    /** One logical ticket: retried until acknowledged (or out of attempts), then maybe resent once. */
    private void create() throws InterruptedException {
        String logical = tag + "-" + sequence.incrementAndGet();
        String key = keys ? logical + "-" + UUID.randomUUID().toString().substring(0, 8) : null;
        String body =
                ("{\"title\":\"%s\",\"description\":\"Rehearsal load %s\",\"typeId\":\"%s\",\"categoryId\":\"%s\","
                                + "\"subcategoryId\":\"%s\",\"departmentId\":\"%s\",\"priority\":\"NORMAL\"}")
                        .formatted(logical, logical, TYPE, CATEGORY, SUBCATEGORY, DEPARTMENT);
        for (int attempt = 1; attempt <= retries; attempt++) {
            Result result = send("CREATE", logical, attempt, key, "POST", "/api/v1/tickets", body, null);
            if (result.status == 201 || result.status == 200) {
                known.add(result.ticketId);
                if (ThreadLocalRandom.current().nextDouble() < resend) {
                    send("RESEND", logical, attempt + 1, key, "POST", "/api/v1/tickets", body, null);
                }
                return;
            }
            boolean retryable =
                    result.status == 0 || result.status >= 500 || result.status == 409 || result.status == 429;
            if (!retryable) {
                return;
            }
            Thread.sleep(Math.min(300L * attempt, 3000L));
        }
    }

    private void patch() {
        if (known.isEmpty()) {
            return;
        }
        String id = anyKnown();
        Result current = send("GET", "get", 1, null, "GET", "/api/v1/tickets/" + id, null, null);
        if (current.status != 200 || current.etag == null) {
            return;
        }
        String priority = PRIORITIES[ThreadLocalRandom.current().nextInt(PRIORITIES.length)];
        send(
                "PATCH",
                id,
                1,
                null,
                "PATCH",
                "/api/v1/tickets/" + id,
                "{\"priority\":\"" + priority + "\"}",
                current.etag);
    }

    private void storm() throws InterruptedException {
        int pairs = Integer.parseInt(args.getOrDefault("pairs", "200"));
        int tickets = Integer.parseInt(args.getOrDefault("tickets", "10"));
        boolean blind = Boolean.parseBoolean(args.getOrDefault("blind", "false"));
        List<String> ids = new ArrayList<>();
        while (ids.size() < tickets) {
            int before = known.size();
            create();
            if (known.size() > before) {
                ids.add(known.get(known.size() - 1));
            }
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tickets);
        for (String id : ids) {
            start(() -> {
                try {
                    int pair;
                    while ((pair = next.getAndIncrement()) < pairs) {
                        stormPair(id, pair, blind);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    private void stormPair(String id, int pair, boolean blind) throws InterruptedException {
        Result read = send("GET", "get", 1, null, "GET", "/api/v1/tickets/" + id, null, null);
        if (read.status != 200) {
            return;
        }
        if (blind) {
            blindPair(id, pair, read.etag);
            return;
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (String side : List.of("A", "B")) {
            writers.add(start(() -> {
                try {
                    start.await();
                    stormWrite(id, pair, side, read.etag);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
    }

    /**
     * The protection removed: both writers read the ticket, A writes; B, still holding the intent it formed from the
     * first read, fetches the ETag again after A's commit and writes with it. The server cannot tell B's write from a
     * fresh one, so it silently overwrites A's change: the lost update that If-Match exists to prevent.
     */
    private void blindPair(String id, int pair, String etag) {
        stormWrite(id, pair, "A", etag);
        Result fresh = send("GET", "get", 1, null, "GET", "/api/v1/tickets/" + id, null, null);
        stormWrite(id, pair, "B", fresh.etag);
    }

    private void stormWrite(String id, int pair, String side, String etag) {
        String title = tag + "-storm-" + pair + "-" + side; // the reconciler finds tickets by "tag-"
        send(
                "STORM",
                id + "/" + pair,
                1,
                null,
                "PATCH",
                "/api/v1/tickets/" + id,
                "{\"title\":\"" + title + "\"}",
                etag,
                title);
    }

    private static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private String anyKnown() {
        if (known.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        return known.get(ThreadLocalRandom.current().nextInt(known.size()));
    }

    record Result(int status, String ticketId, String etag) {}

    private Result send(
            String op, String logical, int attempt, String key, String method, String path, String body, String etag) {
        return send(op, logical, attempt, key, method, path, body, etag, null);
    }

    private Result send(
            String op,
            String logical,
            int attempt,
            String key,
            String method,
            String path,
            String body,
            String etag,
            String note) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(35))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Connection", "close")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (etag != null) {
            request.header("If-Match", etag);
        }
        long start = System.currentTimeMillis();
        int status = 0;
        String ticketId = null;
        String header = null;
        String detail = note;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            header = response.headers().firstValue("ETag").orElse(null);
            if (status < 300 && !"LIST".equals(op)) {
                Matcher m = ID.matcher(response.body());
                ticketId = m.find() ? m.group(1) : null;
            }
            if (status >= 400 && detail == null) {
                detail = response.body().length() > 160 ? response.body().substring(0, 160) : response.body();
            }
        } catch (Exception e) {
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        ledger.record(new Ledger.Entry(
                start, System.currentTimeMillis(), op, logical, attempt, key, status, ticketId, detail));
        return new Result(status, ticketId, header);
    }

    private static SSLContext trustAll() throws Exception {
        TrustManager[] trust = {
            new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust, new SecureRandom());
        return context;
    }
}
