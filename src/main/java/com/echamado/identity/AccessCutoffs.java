package com.echamado.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a user's bearer token or signed-in session still counts: the user exists and is enabled, and it was issued
 * at or after the user's "tokens valid after" instant (or belongs to the grant a user's own password change kept).
 * Each replica reads that instant from PostgreSQL at most once per {@code echamado.identity.revocation-check-interval}
 * (30 s) per user, so a user whose access ended is refused everywhere within that time; the replica that ended it
 * forgets its copy at once.
 */
@Component
public class AccessCutoffs {

    private static final int MAX_ENTRIES = 100_000;

    private final JdbcTemplate jdbc;
    private final long intervalNanos;
    private final Map<UUID, Entry> cache = new ConcurrentHashMap<>();

    AccessCutoffs(JdbcTemplate jdbc, @Value("${echamado.identity.revocation-check-interval:30s}") Duration interval) {
        this.jdbc = jdbc;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * True when an access token of this user, issued at {@code issuedAt} (its {@code iat}, whole seconds; null:
     * unknown) for grant {@code grantId} (null: none), may still be used. As {@code iat} cannot tell which side of
     * the cutoff a token of the same second was issued on, tokens of that second are refused too.
     */
    public boolean acceptsToken(UUID userId, Instant issuedAt, String grantId) {
        Entry entry = entry(userId);
        if (!entry.enabled()) {
            return false;
        }
        if (entry.validAfter() == null || (grantId != null && grantId.equals(entry.keptGrant()))) {
            return true;
        }
        Instant cutoff = entry.validAfter().truncatedTo(ChronoUnit.SECONDS);
        return issuedAt != null && issuedAt.isAfter(cutoff);
    }

    /** True when a session of this user that signed in at {@code signedInAt} may still be used. */
    public boolean acceptsSession(UUID userId, Instant signedInAt) {
        Entry entry = entry(userId);
        return entry.enabled() && (entry.validAfter() == null || signedInAt.isAfter(entry.validAfter()));
    }

    void forget(UUID userId) {
        cache.remove(userId);
    }

    private Entry entry(UUID userId) {
        long now = System.nanoTime();
        Entry cached = cache.get(userId);
        if (cached != null && now - cached.loadedAt() < intervalNanos) {
            return cached;
        }
        List<Entry> rows = jdbc.query(
                "select enabled, tokens_valid_after, tokens_kept_grant from app_user where id = ?",
                (rs, i) -> {
                    Timestamp after = rs.getTimestamp(2);
                    return new Entry(rs.getBoolean(1), after == null ? null : after.toInstant(), rs.getString(3), now);
                },
                userId);
        Entry loaded = rows.isEmpty() ? new Entry(false, null, null, now) : rows.get(0);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(userId, loaded);
        return loaded;
    }

    private record Entry(boolean enabled, Instant validAfter, String keptGrant, long loadedAt) {}
}
