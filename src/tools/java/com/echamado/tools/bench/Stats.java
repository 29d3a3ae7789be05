package com.echamado.tools.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies (HdrHistogram, microseconds) and outcomes per operation for one phase. */
final class Stats {

    static final long MAX_MICROS = 120_000_000L;

    static final class OpStats {
        final ConcurrentHistogram latency = new ConcurrentHistogram(MAX_MICROS, 3);
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder conflicts = new LongAdder();
        final ConcurrentMap<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    }

    private final ConcurrentMap<String, OpStats> ops = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> firstErrors = new ConcurrentHashMap<>();

    OpStats op(String name) {
        return ops.computeIfAbsent(name, n -> new OpStats());
    }

    /**
     * Records one request. {@code status} 0 means no response (transport failure, timeout, refused by the generator).
     * 2xx is a success; 412 (a lost If-Match race between the generator's own workers) is counted as a conflict; every
     * other answer is an error.
     */
    void record(String name, long micros, int status, String detail) {
        OpStats s = op(name);
        s.latency.recordValue(Math.min(Math.max(micros, 1), MAX_MICROS));
        s.outcomes
                .computeIfAbsent(status == 0 ? "no-response" : String.valueOf(status), k -> new LongAdder())
                .increment();
        if (status >= 200 && status < 300) {
            s.ok.increment();
        } else if (status == 412) {
            s.conflicts.increment();
        } else {
            s.errors.increment();
            if (detail != null) {
                firstErrors.putIfAbsent(name + " " + (status == 0 ? "no-response" : status), truncate(detail));
            }
        }
    }

    Map<String, OpStats> ops() {
        return new TreeMap<>(ops);
    }

    Map<String, String> firstErrors() {
        return new TreeMap<>(firstErrors);
    }

    Histogram all() {
        Histogram all = new Histogram(MAX_MICROS, 3);
        ops.values().forEach(s -> all.add(s.latency));
        return all;
    }

    private static String truncate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
