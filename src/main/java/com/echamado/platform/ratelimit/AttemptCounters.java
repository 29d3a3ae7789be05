package com.echamado.platform.ratelimit;

import java.time.Duration;

/** Fixed-window counters: Redis in {@code prod} (shared by every replica), process memory in {@code local}. */
interface AttemptCounters {

    /** Counts one attempt under {@code key}; returns the count in the current window and the time until it ends. */
    Count increment(String key, Duration window);

    record Count(long value, Duration remaining) {}
}
