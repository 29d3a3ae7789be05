package com.echamado.tickets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} for POSTs that create tickets or comments. The key row is written in the same transaction
 * as what it creates; a retry with the same key and body replays the first response; the same key with another body
 * is refused (422); a duplicate arriving while the first is still running gets 409 (a transaction-scoped advisory
 * lock, so across replicas).
 */
@Service
public class Idempotency {

    /** The response to replay: status, Location header and JSON body. */
    public record StoredResponse(int status, String location, String body) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Idempotency(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per (principal, key); the returned flag says whether this answer is a replay.
     */
    @Transactional
    public Outcome execute(UUID principal, String key, String requestBody, Supplier<StoredResponse> action) {
        String hash = sha256(requestBody == null ? "" : requestBody);
        String lockName = principal + ":" + key;
        Boolean locked = jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(hashtextextended(?, 0))", Boolean.class, lockName);
        if (!Boolean.TRUE.equals(locked)) {
            throw TicketException.keyInFlight();
        }
        List<Object[]> existing = jdbc.query(
                "select request_hash, status, location, response_body from idempotency_key"
                        + " where principal_id = ? and idempotency_key = ?",
                (rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)},
                principal,
                key);
        if (!existing.isEmpty()) {
            Object[] row = existing.get(0);
            if (!hash.equals(row[0])) {
                throw TicketException.keyReused();
            }
            return new Outcome(new StoredResponse((Integer) row[1], (String) row[2], (String) row[3]), true);
        }
        StoredResponse response = action.get();
        jdbc.update(
                "insert into idempotency_key (idempotency_key, principal_id, request_hash, status, location,"
                        + " response_body, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                key,
                principal,
                hash,
                response.status(),
                response.location(),
                response.body(),
                Timestamp.from(clock.instant()));
        return new Outcome(response, false);
    }

    /** Forgets keys older than a day (Stripe's practice), run periodically. */
    @Transactional
    public int prune() {
        return jdbc.update(
                "delete from idempotency_key where created_at < ?",
                Timestamp.from(clock.instant().minus(java.time.Duration.ofHours(24))));
    }

    public record Outcome(StoredResponse response, boolean replayed) {}

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
