package com.echamado.tools.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A sampling profile of the SQL behind each page: every {@code interval} ms, the statements running in the benchmark's
 * database ({@code pg_stat_activity}), counted against the page being requested at that moment. A statement seen in n
 * samples ran about n × interval ms in all. Used by {@code bench/pages.sh --profile}.
 */
final class SqlSampler implements Runnable {

    private final JdbcTemplate db;
    private final int intervalMs;
    private final Map<String, Map<String, Integer>> samples = new HashMap<>();
    private final Map<String, AtomicInteger> requests = new HashMap<>();
    private volatile String page;
    private volatile boolean running = true;

    SqlSampler(String jdbcUrl, int intervalMs) {
        this.db = new JdbcTemplate(new SingleConnectionDataSource(jdbcUrl, "postgres", "", true));
        this.intervalMs = intervalMs;
    }

    /** The page now being requested (null between requests). */
    void page(String tag) {
        if (tag != null) {
            requests.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
        }
        page = tag;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            String current = page;
            if (current != null) {
                List<String> active = db.queryForList(
                        "select query from pg_stat_activity where datname = current_database()"
                                + " and state = 'active' and pid <> pg_backend_pid()",
                        String.class);
                synchronized (samples) {
                    for (String query : active) {
                        samples.computeIfAbsent(current, p -> new HashMap<>())
                                .merge(query.replaceAll("\\s+", " ").trim(), 1, Integer::sum);
                    }
                }
            }
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The top statements of each page, in estimated milliseconds per request. */
    String report(List<String> pages, int top) {
        StringBuilder out =
                new StringBuilder("\nSQL running while each page was requested (pg_stat_activity sampled every "
                        + intervalMs + " ms; ms per request ≈ samples × interval / requests):\n");
        synchronized (samples) {
            for (String tag : pages) {
                Map<String, Integer> queries = samples.getOrDefault(tag, Map.of());
                int count = requests.getOrDefault(tag, new AtomicInteger()).get();
                if (queries.isEmpty() || count == 0) {
                    continue;
                }
                out.append("\n").append(tag).append(":\n");
                queries.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(top)
                        .forEach(e -> out.append("- %.1f ms: `%s`%n"
                                .formatted(
                                        (double) e.getValue() * intervalMs / count,
                                        e.getKey().length() > 400 ? e.getKey().substring(0, 400) + "…" : e.getKey())));
            }
        }
        return out.toString();
    }
}
