package com.echamado.platform.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * While PostgreSQL is unreachable, connection requests fail at once instead of each waiting HikariCP's
 * {@code connection-timeout}: otherwise every request holds a server thread for that long during an outage (and twice
 * as long behind nginx, which retries a 503 GET on another replica), threads pile up, and the pile starves everything
 * else the process serves.
 *
 * <ul>
 *   <li>A request waits at most {@code firstWait} (1 s) for a connection when connecting fails meanwhile: with the
 *       server up, connecting takes milliseconds. (When the server goes away, the pool still holds its dead
 *       connections; it finds them dead on the next request, tries to connect, fails at once, and would then wait
 *       out the whole timeout.)
 *   <li>Once a request failed because the server could not be reached, later requests fail at once. HikariCP keeps
 *       reconnecting in the background meanwhile (it refills the pool to {@code minimum-idle}); as soon as it holds an
 *       idle connection again, requests go through. Besides, one request at a time is let through to the pool every
 *       {@code probeInterval} to find out.
 *   <li>A pool that is merely busy (overload) is left alone: no failure to connect, so requests keep waiting up to
 *       the full {@code connection-timeout} for a connection (in two steps: HikariCP counts the first one in
 *       {@code hikaricp_connections_timeout_total} too).
 * </ul>
 */
final class FailFastDataSource extends DelegatingDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(FailFastDataSource.class);

    private final long probeIntervalNanos;
    private final long firstWaitMillis;
    private final LongSupplier nanoTime;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean down;
    private volatile long nextProbe;
    private volatile SQLException lastFailure;

    FailFastDataSource(DataSource target, long probeIntervalMillis, long firstWaitMillis, LongSupplier nanoTime) {
        super(target);
        this.probeIntervalNanos = probeIntervalMillis * 1_000_000;
        this.firstWaitMillis = firstWaitMillis;
        this.nanoTime = nanoTime;
    }

    @Override
    public Connection getConnection() throws SQLException {
        boolean probe = false;
        if (down && !poolHasIdleConnections()) {
            if (nanoTime.getAsLong() - nextProbe < 0 || !probing.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException(
                        "The database is unreachable; failing fast while the pool reconnects", "08001", lastFailure);
            }
            probe = true;
        }
        try {
            HikariPool pool = hikariPool();
            Connection connection = pool == null ? super.getConnection() : fromPool(pool);
            if (down) {
                down = false;
                LOG.info("Database reachable again");
            }
            return connection;
        } catch (SQLException e) {
            if (DatabaseOutage.unreachable(e)) {
                if (!down) {
                    LOG.warn(
                            "Database unreachable, failing connection requests fast until it is back: {}",
                            e.toString());
                }
                lastFailure = e;
                nextProbe = nanoTime.getAsLong() + probeIntervalNanos;
                down = true;
            }
            throw e;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    /**
     * Waits {@code firstWait} for a connection; if none came and connecting did not fail (a busy pool), waits the rest
     * of the pool's {@code connection-timeout}.
     */
    private Connection fromPool(HikariPool pool) throws SQLException {
        long timeout = ((HikariDataSource) getTargetDataSource()).getConnectionTimeout();
        long started = nanoTime.getAsLong();
        try {
            return pool.getConnection(Math.min(firstWaitMillis, timeout));
        } catch (SQLTransientConnectionException e) {
            long left = timeout - (nanoTime.getAsLong() - started) / 1_000_000;
            if (DatabaseOutage.unreachable(e) || left <= 0) {
                throw e;
            }
            return pool.getConnection(left);
        }
    }

    boolean down() {
        return down;
    }

    private boolean poolHasIdleConnections() {
        HikariPool pool = hikariPool();
        return pool != null && pool.getIdleConnections() > 0;
    }

    /** HikariCP's pool, once started (its MXBean is the pool itself). */
    private HikariPool hikariPool() {
        if (getTargetDataSource() instanceof HikariDataSource hikari
                && hikari.getHikariPoolMXBean() instanceof HikariPool pool) {
            return pool;
        }
        return null;
    }
}
