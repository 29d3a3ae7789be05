package com.echamado.tools.bench;

import com.echamado.tools.AccessTokens;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * The load generator of bench/run.sh: loads what to work on from the data set, then runs the phases (warm-up, HTTP
 * ceiling, the mix closed-loop at each concurrency and open-loop at a fixed rate, create-only and list-only runs to
 * compare with pgbench) and writes report.json, report.md and latency charts into --out.
 */
public final class Bench {

    /** One measured phase. */
    record Phase(
            String name,
            String kind,
            String mix,
            int connections,
            double rate,
            double seconds,
            Stats stats,
            double serverCpuSeconds,
            double clientCpuSeconds,
            double machineBusy,
            double peakRssMb,
            double loadStart,
            double loadEnd) {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        String baseUrl = a.getOrDefault("base-url", "http://127.0.0.1:18080");
        String database = a.get("database");
        long serverPid = Long.parseLong(a.get("server-pid"));
        Path out = Files.createDirectories(Path.of(a.get("out")));
        int duration = Integer.parseInt(a.getOrDefault("duration", "60"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        int ceiling = Integer.parseInt(a.getOrDefault("ceiling-duration", String.valueOf(Math.max(5, duration / 2))));
        double rate = Double.parseDouble(a.getOrDefault("rate", "300"));
        int pgClients = Integer.parseInt(a.getOrDefault("pgbench-clients", "10"));
        int[] levels = Arrays.stream(a.getOrDefault("levels", "1,16,64").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        boolean smoke = a.containsKey("smoke");

        String jdbc = "jdbc:postgresql://127.0.0.1:5432/" + database;
        Fixtures data = Fixtures.load(jdbc, 20_000, 3_000);
        System.out.printf(
                "[bench] %d tickets; working on %d sampled, %d open and %d changeable tickets, %d agents%n",
                data.ticketCount, data.sample.size(), data.openSample.size(), data.workable.size(), data.agents.size());
        Bearers tokens = new Bearers(
                new AccessTokens(
                        Path.of(a.get("key")),
                        a.getOrDefault("issuer", baseUrl),
                        Duration.ofHours(6),
                        Clock.systemUTC()),
                data.roles);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Driver driver = new Driver(client);
        Duration timeout = Duration.ofSeconds(30);
        Workload mix = new Workload("mix", baseUrl, data, tokens, timeout);

        DoubleAccumulator peakRss = new DoubleAccumulator(Math::max, 0);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(
                () -> {
                    while (sampling.get()) {
                        peakRss.accumulate(ProcStats.statusMb(serverPid, "VmRSS"));
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();

        List<Phase> phases = new ArrayList<>();
        Runner runner = new Runner(serverPid, peakRss);
        runner.phase(
                "warm-up", "closed", "mix", 16, 0, warmup, s -> driver.closed(mix, 16, Duration.ofSeconds(warmup), s));
        phases.add(runner.phase(
                "HTTP ceiling: GET /health/live",
                "closed",
                "live",
                64,
                0,
                ceiling,
                s -> driver.closed(
                        new Workload("live", baseUrl, data, tokens, timeout), 64, Duration.ofSeconds(ceiling), s)));
        for (int c : levels) {
            phases.add(runner.phase(
                    "mix, closed loop, " + c + " connection" + (c == 1 ? "" : "s"),
                    "closed",
                    "mix",
                    c,
                    0,
                    duration,
                    s -> driver.closed(mix, c, Duration.ofSeconds(duration), s)));
        }
        // The fixed rate may be more than this machine serves; then the open loop also runs at half the best
        // closed-loop throughput, where its latencies mean something (and before the overload, which leaves a queue).
        double best = phases.stream()
                .filter(p -> p.mix().equals("mix"))
                .mapToDouble(p -> p.stats().all().getTotalCount() / p.seconds())
                .max()
                .orElse(0);
        List<Double> rates = new ArrayList<>();
        if (rate > 0.7 * best && Math.round(best / 2) >= 1) {
            rates.add((double) Math.round(best / 2));
        }
        rates.add(rate);
        for (double r : rates) {
            phases.add(runner.phase(
                    "mix, open loop, " + (int) r + " req/s",
                    "open",
                    "mix",
                    0,
                    r,
                    duration,
                    s -> driver.open(mix, r, Duration.ofSeconds(duration), 2_000, s)));
        }
        phases.add(runner.phase(
                "create ticket only, closed loop, 16 connections",
                "closed",
                "create",
                16,
                0,
                ceiling,
                s -> driver.closed(
                        new Workload("create", baseUrl, data, tokens, timeout), 16, Duration.ofSeconds(ceiling), s)));
        phases.add(runner.phase(
                "open queue list only, closed loop, 16 connections",
                "closed",
                "list",
                16,
                0,
                ceiling,
                s -> driver.closed(
                        new Workload("list", baseUrl, data, tokens, timeout), 16, Duration.ofSeconds(ceiling), s)));
        sampling.set(false);

        List<PgBench.Result> pg = new ArrayList<>();
        Path scripts = Path.of(a.getOrDefault("pgbench-dir", "bench/pgbench"));
        List<String> defines = pgDefines(jdbc);
        pg.add(PgBench.run(scripts.resolve("create_ticket.sql"), database, pgClients, ceiling, out, defines));
        System.out.println("[bench] pgbench create_ticket: " + pg.get(0).summary());
        pg.add(PgBench.run(scripts.resolve("list_open_queue.sql"), database, pgClients, ceiling, out, defines));
        System.out.println("[bench] pgbench list_open_queue: " + pg.get(1).summary());

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("date", Instant.now().toString());
        meta.put("label", a.getOrDefault("label", ""));
        meta.put("commit", a.getOrDefault("commit", ""));
        meta.put("database", database);
        meta.put("tickets", data.ticketCount);
        meta.put("server", a.getOrDefault("server", ""));
        meta.put("startupToReadyMs", a.containsKey("startup-ms") ? Long.parseLong(a.get("startup-ms")) : null);
        meta.put(
                "rssAfterStartMb",
                a.containsKey("rss-after-start") ? Double.parseDouble(a.get("rss-after-start")) : null);
        meta.put("serverPeakRssMb", ProcStats.statusMb(serverPid, "VmHWM"));
        meta.put("cpus", Runtime.getRuntime().availableProcessors());
        meta.put("mix", mix.describe());
        meta.put("durationSeconds", duration);
        meta.put("warmupSeconds", warmup);
        Report report = new Report(meta, phases, pg);
        report.write(out);
        System.out.println(Files.readString(out.resolve("report.md")));

        List<String> collapse = report.collapses();
        if (!collapse.isEmpty()) {
            collapse.forEach(c -> System.out.println("[bench] COLLAPSE: " + c));
            if (smoke) {
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /** Numbers of rows in the helper tables of the pgbench scripts (bench/pgbench/helpers.sql). */
    private static List<String> pgDefines(String jdbc) throws Exception {
        List<String> d = new ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection(jdbc, "postgres", "");
                var st = c.createStatement()) {
            for (String t : List.of("requester", "department", "agent")) {
                try (var rs = st.executeQuery("select count(*) from bench_" + t)) {
                    rs.next();
                    d.add(t + "s=" + rs.getLong(1));
                }
            }
        }
        return d;
    }

    interface Body {
        void run(Stats stats) throws Exception;
    }

    /** Measures a phase: wall time, the server's and this process's CPU, the machine's busy share, peak RSS. */
    static final class Runner {
        private final long serverPid;
        private final DoubleAccumulator peakRss;

        Runner(long serverPid, DoubleAccumulator peakRss) {
            this.serverPid = serverPid;
            this.peakRss = peakRss;
        }

        Phase phase(String name, String kind, String mix, int connections, double rate, int seconds, Body body)
                throws Exception {
            System.out.printf("[bench] %s: %d s%n", name, seconds);
            Stats stats = new Stats();
            peakRss.reset();
            double load0 = ProcStats.loadAverage();
            double server0 = ProcStats.cpuSeconds(serverPid);
            double client0 = ProcStats.cpuSeconds(ProcessHandle.current().pid());
            long[] machine0 = ProcStats.machineJiffies();
            long t0 = System.nanoTime();
            body.run(stats);
            double wall = (System.nanoTime() - t0) / 1e9;
            double server = ProcStats.cpuSeconds(serverPid) - server0;
            double client = ProcStats.cpuSeconds(ProcessHandle.current().pid()) - client0;
            long[] machine1 = ProcStats.machineJiffies();
            double busy =
                    machine1[1] == machine0[1] ? 0 : (machine1[0] - machine0[0]) / (double) (machine1[1] - machine0[1]);
            peakRss.accumulate(ProcStats.statusMb(serverPid, "VmRSS"));
            Phase p = new Phase(
                    name,
                    kind,
                    mix,
                    connections,
                    rate,
                    wall,
                    stats,
                    server,
                    client,
                    busy,
                    peakRss.get(),
                    load0,
                    ProcStats.loadAverage());
            long n = stats.all().getTotalCount();
            System.out.printf(
                    "[bench]   %d requests, %.0f/s, server CPU %.2f cores, client CPU %.2f cores%n",
                    n, n / wall, server / wall, client / wall);
            return p;
        }
    }

    private static Map<String, String> args(String[] argv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + argv[i]);
            }
            String k = argv[i].substring(2);
            if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                m.put(k, argv[++i]);
            } else {
                m.put(k, "true");
            }
        }
        return m;
    }
}
