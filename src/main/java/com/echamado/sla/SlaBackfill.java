package com.echamado.sla;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the clocks to the tickets that were opened before the module existed (they would otherwise have none until
 * their next event): after start-up, in a background thread, the tickets not closed that have no {@code sla_ticket}
 * row are read by id in pages of {@link SlaProperties#recomputeBatch()} (keyset on the primary key, no offset) and
 * recomputed one ticket per transaction, as a policy change does. One replica at a time: the run holds a session
 * advisory lock on a connection of its own, and a replica that does not get it skips the run. Idempotent: a ticket
 * with clocks is never picked again, so a second run (or the next start-up) finds nothing and costs one index scan.
 */
@Component
class SlaBackfill {

    /** The advisory lock's key: the ASCII of "slabfl". */
    static final long LOCK = 0x736c6162666cL;

    private static final Logger LOG = LoggerFactory.getLogger(SlaBackfill.class);

    private final DataSource dataSource;
    private final TicketClocks clocks;
    private final SlaProperties properties;

    SlaBackfill(DataSource dataSource, TicketClocks clocks, SlaProperties properties) {
        this.dataSource = dataSource;
        this.clocks = clocks;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!properties.backfillOnStart()) {
            return;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        int done = run();
                        if (done > 0) {
                            LOG.info("SLA backfill gave clocks to {} ticket(s)", done);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("SLA backfill stopped; the next start-up continues it", e);
                    }
                },
                "sla-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /** Backfills every ticket still without clocks; the number done, or -1 when another replica holds the lock. */
    int run() {
        try (Connection lock = dataSource.getConnection();
                Statement statement = lock.createStatement()) {
            try (ResultSet mine = statement.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
                if (!mine.next() || !mine.getBoolean(1)) {
                    return -1;
                }
            }
            try {
                return backfill();
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SLA backfill could not hold its lock", e);
        }
    }

    private int backfill() {
        return clocks.recomputeInPages(
                "select t.id from ticket t where not t.is_closed and t.id > ?"
                        + " and not exists (select 1 from sla_ticket s where s.ticket_id = t.id)"
                        + " order by t.id limit ?",
                properties.recomputeBatch());
    }
}
