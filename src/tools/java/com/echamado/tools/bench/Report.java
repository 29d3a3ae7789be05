package com.echamado.tools.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** report.json, report.md and one latency chart (PNG) per mix phase. Percentiles come from HdrHistogram. */
final class Report {

    private final Map<String, Object> meta;
    private final List<Bench.Phase> phases;
    private final List<PgBench.Result> pgbench;

    Report(Map<String, Object> meta, List<Bench.Phase> phases, List<PgBench.Result> pgbench) {
        this.meta = meta;
        this.phases = phases;
        this.pgbench = pgbench;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static Map<String, Object> latency(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50Ms", ms(h, 50));
        m.put("p95Ms", ms(h, 95));
        m.put("p99Ms", ms(h, 99));
        m.put("maxMs", h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0);
        m.put("meanMs", h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0);
        return m;
    }

    private static long errors(Bench.Phase p) {
        return p.stats().ops().values().stream().mapToLong(s -> s.errors.sum()).sum();
    }

    private static long conflicts(Bench.Phase p) {
        return p.stats().ops().values().stream()
                .mapToLong(s -> s.conflicts.sum())
                .sum();
    }

    private static double throughput(Bench.Phase p) {
        return p.stats().all().getTotalCount() / p.seconds();
    }

    private Bench.Phase find(String mix, int connections) {
        return phases.stream()
                .filter(p -> p.mix().equals(mix)
                        && p.kind().equals("closed")
                        && (connections < 0 || p.connections() == connections))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    Map<String, Object> ratios() {
        Map<String, Object> r = new LinkedHashMap<>();
        Bench.Phase http = find("live", -1);
        Bench.Phase top = find("mix", -1);
        if (http != null && top != null) {
            r.put("mixAt" + top.connections() + "VsHttpCeiling", throughput(top) / throughput(http));
        }
        Bench.Phase create = find("create", -1);
        Bench.Phase list = find("list", -1);
        for (PgBench.Result pg : pgbench) {
            Bench.Phase p = pg.script().startsWith("create") ? create : list;
            if (p != null && pg.tps() > 0) {
                r.put(pg.script() + "VsPgbench", throughput(p) / pg.tps());
            }
        }
        return r;
    }

    List<String> collapses() {
        List<String> c = new ArrayList<>();
        for (Bench.Phase p : phases) {
            long n = p.stats().all().getTotalCount();
            if (n == 0) {
                c.add(p.name() + ": no request completed");
            } else if (errors(p) > 0.01 * n) {
                c.add(p.name() + ": " + errors(p) + " errors in " + n + " requests (over 1 %)");
            }
        }
        return c;
    }

    void write(Path out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("meta", meta);
        List<Object> ps = new ArrayList<>();
        for (Bench.Phase p : phases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("kind", p.kind());
            m.put("mix", p.mix());
            m.put("connections", p.connections());
            m.put("targetRate", p.rate());
            m.put("seconds", p.seconds());
            m.put("requests", p.stats().all().getTotalCount());
            m.put("throughput", throughput(p));
            m.put("errors", errors(p));
            m.put("conflicts412", conflicts(p));
            m.putAll(latency(p.stats().all()));
            m.put("serverCpuCores", p.serverCpuSeconds() / p.seconds());
            m.put("clientCpuCores", p.clientCpuSeconds() / p.seconds());
            m.put("machineBusyShare", p.machineBusy());
            m.put("serverPeakRssMb", p.peakRssMb());
            m.put("loadAverageStart", p.loadStart());
            m.put("loadAverageEnd", p.loadEnd());
            List<Object> ops = new ArrayList<>();
            p.stats().ops().forEach((name, s) -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("op", name);
                o.put("requests", s.latency.getTotalCount());
                o.put("throughput", s.latency.getTotalCount() / p.seconds());
                o.putAll(latency(s.latency));
                o.put("errors", s.errors.sum());
                o.put("conflicts412", s.conflicts.sum());
                Map<String, Long> outcomes = new LinkedHashMap<>();
                s.outcomes.forEach((k, v) -> outcomes.put(k, v.sum()));
                o.put("statuses", outcomes);
                ops.add(o);
            });
            m.put("operations", ops);
            m.put("firstErrors", p.stats().firstErrors());
            ps.add(m);
        }
        root.put("phases", ps);
        List<Object> pgs = new ArrayList<>();
        for (PgBench.Result r : pgbench) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("script", "bench/pgbench/" + r.script() + ".sql");
            m.put("clients", r.clients());
            m.put("seconds", r.seconds());
            m.put("transactions", r.transactions());
            m.put("failed", r.failed());
            m.put("tps", r.tps());
            m.putAll(latency(r.latency()));
            m.put("summary", r.summary());
            pgs.add(m);
        }
        root.put("pgbench", pgs);
        root.put("ratios", ratios());
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(out.resolve("report.json"), json.writeValueAsString(root));
        Files.writeString(out.resolve("report.md"), markdown());
        charts(out);
    }

    private static String f(double v) {
        if (v >= 100) {
            return String.format("%.0f", v);
        }
        return v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n");
        meta.forEach((k, v) -> {
            if (v != null && !"".equals(v)) {
                md.append("- ").append(k).append(": ").append(v).append('\n');
            }
        });
        md.append("\nLatencies in milliseconds (HdrHistogram). Open loop: from each request's intended start time. "
                + "CPU in cores (2 = the whole machine); \"busy\" is the whole machine's busy share, load average at "
                + "start → end of the phase. 412 = a lost If-Match race, counted apart from errors.\n\n");
        md.append(
                "| phase | req/s | requests | errors | 412 | p50 | p95 | p99 | max | server CPU | client CPU | busy | "
                        + "peak RSS MB | load avg |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Bench.Phase p : phases) {
            Histogram h = p.stats().all();
            md.append(String.format(
                    "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %.0f %% | %.0f | %s → %s |%n",
                    p.name(),
                    f(throughput(p)),
                    h.getTotalCount(),
                    errors(p),
                    conflicts(p),
                    f(ms(h, 50)),
                    f(ms(h, 95)),
                    f(ms(h, 99)),
                    f(h.getMaxValue() / 1000.0),
                    f(p.serverCpuSeconds() / p.seconds()),
                    f(p.clientCpuSeconds() / p.seconds()),
                    100 * p.machineBusy(),
                    p.peakRssMb(),
                    f(p.loadStart()),
                    f(p.loadEnd())));
        }
        md.append("\n## Database ceiling (pgbench, same SQL as the service)\n\n");
        md.append("| script | clients | tps | failed | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|\n");
        for (PgBench.Result r : pgbench) {
            Histogram h = r.latency();
            md.append(String.format(
                    "| bench/pgbench/%s.sql | %d | %s | %d | %s | %s | %s | %s |%n",
                    r.script(),
                    r.clients(),
                    f(r.tps()),
                    r.failed(),
                    f(ms(h, 50)),
                    f(ms(h, 95)),
                    f(ms(h, 99)),
                    f(h.getMaxValue() / 1000.0)));
        }
        md.append("\n## Ratios to the ceilings\n\n");
        ratios().forEach((k, v) -> md.append("- ")
                .append(k)
                .append(": ")
                .append(f(100 * (Double) v))
                .append(" %\n"));
        for (Bench.Phase p : phases) {
            if (!p.mix().equals("mix")) {
                continue;
            }
            md.append("\n## ").append(p.name()).append("\n\n");
            md.append("| operation | requests | req/s | p50 | p95 | p99 | max | errors | 412 |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            p.stats().ops().forEach((name, s) -> {
                Histogram h = s.latency;
                md.append(String.format(
                        "| %s | %d | %s | %s | %s | %s | %s | %d | %d |%n",
                        name,
                        h.getTotalCount(),
                        f(h.getTotalCount() / p.seconds()),
                        f(ms(h, 50)),
                        f(ms(h, 95)),
                        f(ms(h, 99)),
                        f(h.getMaxValue() / 1000.0),
                        s.errors.sum(),
                        s.conflicts.sum()));
            });
        }
        List<String> errs = new ArrayList<>();
        for (Bench.Phase p : phases) {
            p.stats().firstErrors().forEach((k, v) -> errs.add(p.name() + " — " + k + ": " + v));
        }
        if (!errs.isEmpty()) {
            md.append("\n## First error of each kind\n\n");
            errs.forEach(e -> md.append("- ").append(e.replace("|", "\\|")).append('\n'));
        }
        return md.toString();
    }

    private void charts(Path out) throws IOException {
        int i = 0;
        for (Bench.Phase p : phases) {
            i++;
            if (!p.mix().equals("mix")) {
                continue;
            }
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            p.stats().ops().forEach((name, s) -> {
                if (s.latency.getTotalCount() > 0) {
                    data.addValue(Math.max(0.01, ms(s.latency, 50)), "p50", name);
                    data.addValue(Math.max(0.01, ms(s.latency, 95)), "p95", name);
                    data.addValue(Math.max(0.01, ms(s.latency, 99)), "p99", name);
                    data.addValue(Math.max(0.01, s.latency.getMaxValue() / 1000.0), "max", name);
                }
            });
            JFreeChart chart = ChartFactory.createBarChart(
                    "Latency per operation — " + p.name() + " (" + meta.get("tickets") + " tickets)",
                    "",
                    "milliseconds (log scale)",
                    data,
                    PlotOrientation.VERTICAL,
                    true,
                    false,
                    false);
            CategoryPlot plot = chart.getCategoryPlot();
            LogarithmicAxis axis = new LogarithmicAxis("milliseconds (log scale)");
            axis.setAllowNegativesFlag(false);
            axis.setStrictValuesFlag(false);
            plot.setRangeAxis(axis);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            CategoryAxis categories = plot.getDomainAxis();
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            String file = String.format(
                    "latency-%02d-%s.png",
                    i,
                    p.name()
                            .replaceAll("[^A-Za-z0-9]+", "-")
                            .replaceAll("-+$", "")
                            .toLowerCase());
            ChartUtils.saveChartAsPNG(out.resolve(file).toFile(), chart, 1100, 600);
        }
    }
}
