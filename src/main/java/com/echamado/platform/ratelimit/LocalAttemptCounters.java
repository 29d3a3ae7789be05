package com.echamado.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Counters in this process, for the single-instance {@code local} profile. */
class LocalAttemptCounters implements AttemptCounters {

    private record Window(long count, Instant end) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    LocalAttemptCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Count increment(String key, Duration window) {
        Instant now = clock.instant();
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(entry -> !entry.getValue().end().isAfter(now));
        }
        Window current = windows.compute(
                key,
                (k, w) -> w == null || !w.end().isAfter(now)
                        ? new Window(1, now.plus(window))
                        : new Window(w.count() + 1, w.end()));
        return new Count(current.count(), Duration.between(now, current.end()));
    }
}
