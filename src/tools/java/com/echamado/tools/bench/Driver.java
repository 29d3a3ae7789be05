package com.echamado.tools.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed loop: N workers, each with its own connection, send the next request as soon as the previous answer came
 * (throughput at a concurrency). Open loop: requests start on a fixed schedule whatever the answers do, and each
 * latency runs from the request's intended start time, so a stall counts for every request it delayed (no
 * coordinated omission).
 */
final class Driver {

    private final HttpClient client;

    Driver(HttpClient client) {
        this.client = client;
    }

    void closed(Workload workload, int connections, Duration duration, Stats stats) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            once(workload, stats);
                        }
                    },
                    "closed-" + i);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    private void once(Workload workload, Stats stats) {
        Workload.Call call;
        try {
            call = workload.next();
        } catch (RuntimeException e) {
            stats.record("generator", 1, 0, String.valueOf(e));
            return;
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(call.request(), HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - start) / 1_000;
            stats.record(call.op(), micros, response.statusCode(), detail(call, response));
            after(call, response, stats);
        } catch (Exception e) {
            stats.record(
                    call.op(),
                    (System.nanoTime() - start) / 1_000,
                    0,
                    call.request().uri() + " " + e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sends {@code rate} requests per second for {@code duration}. When more than {@code maxInFlight} requests are
     * waiting, the scheduled request is not sent and counts as an error with the latency it would at least have had.
     */
    void open(Workload workload, double rate, Duration duration, int maxInFlight, Stats stats)
            throws InterruptedException {
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long count = (long) (rate * duration.toNanos() / 1e9);
        AtomicInteger inFlight = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Workload.Call call;
            try {
                call = workload.next();
            } catch (RuntimeException e) {
                stats.record("generator", 1, 0, String.valueOf(e));
                continue;
            }
            if (inFlight.get() >= maxInFlight) {
                stats.record(
                        call.op(), (System.nanoTime() - intended) / 1_000, 0, "over " + maxInFlight + " in flight");
                continue;
            }
            inFlight.incrementAndGet();
            CompletableFuture<?> f = client.sendAsync(call.request(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long micros = (System.nanoTime() - intended) / 1_000;
                        inFlight.decrementAndGet();
                        if (error != null) {
                            stats.record(call.op(), micros, 0, call.request().uri() + " " + error);
                        } else {
                            stats.record(call.op(), micros, response.statusCode(), detail(call, response));
                            after(call, response, stats);
                        }
                    });
            pending.add(f);
            if (pending.size() > 10_000) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // late or failed requests were recorded by their own callbacks
        }
    }

    private static String detail(Workload.Call call, HttpResponse<String> response) {
        int s = response.statusCode();
        return s >= 200 && s < 300
                ? null
                : call.request().method() + " " + call.request().uri() + " → " + response.body();
    }

    private static void after(Workload.Call call, HttpResponse<String> response, Stats stats) {
        try {
            call.after().accept(response);
        } catch (RuntimeException e) {
            stats.record("generator", 1, 0, String.valueOf(e));
        }
    }
}
