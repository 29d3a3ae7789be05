package com.echamado.tools.pages;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Server time of the web pages on a data set made by bench/seed.sh (docs/scale.md, "Pages"). Signs in administrators,
 * agents and requesters of the data set through the login form like a browser (CSRF token, session cookie), then
 * requests every page of the plan round-robin: {@code --warmup} rounds, then {@code --runs} measured ones, each round
 * one request per page and role, the users of a role taking turns. Each request carries its page's name in {@code
 * X-Bench-Page}; the server's time is what Tomcat's access log records for it ({@code %{us}T}: from reading the
 * request line to the last byte of the response, so the security filters, the session read from Redis, the
 * controller, its SQL and the template rendering). Prints p50/p95/p99/max per page (nearest rank), the time the client
 * saw beside it, and the 1-minute load average during the run.
 *
 * <p>Run by {@code bench/pages.sh}, which starts the service with that access log on a copy of the data set.
 */
final class PageBenchmark {

    /** ScaleData.PASSWORD: every user of the data set has it. */
    private static final String PASSWORD = "Escala-Echamado-2026";

    static final double TARGET_MS = 50;

    private final String base;
    private final JdbcTemplate db;
    private final HttpClient http = PageClient.newHttpClient();
    private final List<Page> plan = new ArrayList<>();
    private final Map<String, List<PageClient>> sessions = new LinkedHashMap<>();
    private final Map<String, List<Long>> clientMicros = new HashMap<>();
    private final Map<String, Integer> htmlBytes = new HashMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final SqlSampler sampler;
    private double loadMin = Double.MAX_VALUE;
    private double loadMax;

    private PageBenchmark(String base, String jdbcUrl, int sampleSqlMs) {
        this.base = base;
        this.db = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", ""));
        this.sampler = sampleSqlMs > 0 ? new SqlSampler(jdbcUrl, sampleSqlMs) : null;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "--base-url", "http://127.0.0.1:18080",
                "--database", "echamado_scale",
                "--runs", "100",
                "--warmup", "20",
                "--users", "3",
                "--only", "",
                "--sample-sql", "0"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i]) && !"--access-log".equals(args[i]) && !"--out".equals(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        String log = options.get("--access-log");
        if (log == null) {
            throw new IllegalArgumentException("--access-log <file> is required (bench/pages.sh sets it)");
        }
        PageBenchmark benchmark = new PageBenchmark(
                options.get("--base-url"),
                "jdbc:postgresql://127.0.0.1:5432/" + options.get("--database"),
                Integer.parseInt(options.get("--sample-sql")));
        benchmark.prepare(Integer.parseInt(options.get("--users")), options.get("--only"));
        benchmark.run(Integer.parseInt(options.get("--warmup")), false);
        Thread sampling = null;
        if (benchmark.sampler != null) {
            sampling = new Thread(benchmark.sampler, "sql-sampler");
            sampling.start();
        }
        benchmark.run(Integer.parseInt(options.get("--runs")), true);
        Thread.sleep(1000); // Tomcat logs a request after its response, so the last line may come after it
        String report = benchmark.report(AccessLog.read(Path.of(log)), options);
        if (sampling != null) {
            benchmark.sampler.stop();
            sampling.join();
            report += benchmark.sampler.report(
                    benchmark.plan.stream().map(Page::tag).toList(), 4);
        }
        System.out.println(report);
        if (options.get("--out") != null) {
            Files.writeString(Path.of(options.get("--out")), report);
        }
    }

    /** Signs the users in and makes the plan: the pages of each role, with the data set's ids and numbers. */
    private void prepare(int users, String only) throws IOException, InterruptedException {
        PagePlan pages = new PagePlan(db, users);
        for (Map.Entry<String, List<String>> role : pages.emails().entrySet()) {
            List<PageClient> clients = new ArrayList<>();
            for (String email : role.getValue()) {
                PageClient client = new PageClient(http, base);
                client.signIn(email, PASSWORD);
                clients.add(client);
            }
            sessions.put(role.getKey(), clients);
            log("signed in " + clients.size() + " " + role.getKey() + "s: " + role.getValue());
        }
        for (Page page : pages.pages()) {
            if (page.tag().contains(only)) {
                plan.add(page);
            }
        }
        log(plan.size() + " pages in the plan");
    }

    private void run(int rounds, boolean measured) throws IOException, InterruptedException {
        log((measured ? "measuring " : "warming up with ") + rounds + " rounds");
        for (int round = 0; round < rounds; round++) {
            for (Page page : plan) {
                PageClient client = page.role().equals(PagePlan.ANONYMOUS)
                        ? new PageClient(http, base)
                        : sessions.get(page.role())
                                .get(round % sessions.get(page.role()).size());
                String path = page.path().apply(round);
                if (measured && sampler != null) {
                    sampler.page(page.tag());
                }
                PageClient.Response response = client.get(path, measured ? page.tag() : "warmup");
                if (sampler != null) {
                    sampler.page(null);
                }
                if (response.status() != 200) {
                    failures.merge(page.tag() + " " + response.status() + " " + path, 1, Integer::sum);
                }
                if (measured) {
                    htmlBytes.merge(page.tag(), response.body().getBytes(StandardCharsets.UTF_8).length, Math::max);
                    clientMicros
                            .computeIfAbsent(page.tag(), t -> new ArrayList<>())
                            .add(response.clientNanos() / 1000);
                }
            }
            if (measured) {
                double load = loadAverage();
                loadMin = Math.min(loadMin, load);
                loadMax = Math.max(loadMax, load);
                if ((round + 1) % 10 == 0) {
                    log("round " + (round + 1) + "/" + rounds + ", load average " + load);
                }
            }
        }
    }

    private String report(Map<String, List<Long>> server, Map<String, String> options) {
        StringBuilder out = new StringBuilder();
        out.append(
                "Pages on %s, %s measured rounds after %s warm-up rounds, %s users per role; 1-minute load average %.1f–%.1f%n%n"
                        .formatted(
                                options.get("--database"),
                                options.get("--runs"),
                                options.get("--warmup"),
                                options.get("--users"),
                                loadMin,
                                loadMax));
        out.append(
                "| page | example | runs | server p50 ms | p95 | p99 | max | client p50 ms | HTML KB | p95 ≤ %.0f ms |%n"
                        .formatted(TARGET_MS));
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Page page : plan) {
            List<Long> times = server.getOrDefault(page.tag(), List.of());
            List<Long> client = clientMicros.getOrDefault(page.tag(), List.of());
            double p95 = Percentiles.ms(times, 95);
            out.append("| %s | `%s` | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n"
                    .formatted(
                            page.tag(),
                            page.path().apply(0),
                            times.size(),
                            Percentiles.ms(times, 50),
                            p95,
                            Percentiles.ms(times, 99),
                            Percentiles.ms(times, 100),
                            Percentiles.ms(client, 50),
                            htmlBytes.getOrDefault(page.tag(), 0) / 1000.0,
                            times.isEmpty() ? "?" : p95 <= TARGET_MS ? "yes" : "**no**"));
        }
        if (!failures.isEmpty()) {
            out.append("\nResponses other than 200:\n");
            failures.forEach((what, count) -> out.append("- %s: %d%n".formatted(what, count)));
        }
        return out.toString();
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    static void log(String message) {
        System.err.println("[pages] " + message);
    }

    /** A page of the plan: {@code tag} is role/name; the path may change with the round (detail, deep pages). */
    record Page(String role, String name, IntFunction<String> path) {

        String tag() {
            return role + "/" + name;
        }
    }
}
