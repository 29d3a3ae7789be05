package com.echamado.platform.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Counters in Redis: one atomic INCR + PEXPIRE script per attempt, keys expire with their window. */
class RedisAttemptCounters implements AttemptCounters {

    private static final RedisScript<List> INCREMENT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {n, ttl}
            """, List.class);

    private final StringRedisTemplate redis;
    private final String namespace;

    RedisAttemptCounters(StringRedisTemplate redis, String namespace) {
        this.redis = redis;
        this.namespace = namespace;
    }

    @Override
    public Count increment(String key, Duration window) {
        List<?> result =
                redis.execute(INCREMENT, List.of(namespace + ":ratelimit:" + key), Long.toString(window.toMillis()));
        long count = ((Number) result.get(0)).longValue();
        long ttl = ((Number) result.get(1)).longValue();
        return new Count(count, Duration.ofMillis(Math.max(ttl, 0)));
    }
}
