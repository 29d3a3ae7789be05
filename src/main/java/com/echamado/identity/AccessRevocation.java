package com.echamado.identity;

import com.echamado.platform.AfterCommit;
import com.echamado.platform.security.SecurityEvents;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a user's access in the caller's transaction: their OAuth2 grants are deleted (the next refresh answers
 * {@code invalid_grant}), tokens and sessions issued before now stop counting ({@link AccessCutoffs}), and after
 * the commit their sessions in the shared store are deleted, so that every replica signs them out at once.
 */
@Component
class AccessRevocation {

    private static final Logger log = LoggerFactory.getLogger(AccessRevocation.class);

    private final JdbcTemplate jdbc;
    private final AccessCutoffs cutoffs;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final SecurityEvents events;
    private final Clock clock;

    AccessRevocation(
            JdbcTemplate jdbc,
            AccessCutoffs cutoffs,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
            SecurityEvents events,
            Clock clock) {
        this.jdbc = jdbc;
        this.cutoffs = cutoffs;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** Ends everything the user holds except the grant {@code keptGrant} (null: keep nothing). */
    void endAccess(User user, String reason, String keptGrant) {
        UUID id = user.id();
        user.endAccessIssuedBefore(clock.instant(), keptGrant);
        int grants = keptGrant == null
                ? jdbc.update("delete from oauth2_authorization where principal_name = ?", id.toString())
                : jdbc.update(
                        "delete from oauth2_authorization where principal_name = ? and id <> ?",
                        id.toString(),
                        keptGrant);
        cutoffs.forget(id);
        AfterCommit.run(() -> {
            cutoffs.forget(id);
            int ended = endSessions(id);
            events.record("access_ended", Map.of("userId", id, "reason", reason, "grants", grants, "sessions", ended));
        });
    }

    private int endSessions(UUID id) {
        FindByIndexNameSessionRepository<?> store = sessions.getIfAvailable();
        if (store == null) {
            return 0; // in-memory sessions (local): AccessCutoffs refuses them at their next request
        }
        try {
            var found = store.findByPrincipalName(id.toString()).keySet();
            found.forEach(store::deleteById);
            return found.size();
        } catch (RuntimeException storeDown) {
            log.warn("Could not delete the sessions of user {}; they are refused by their sign-in time instead", id);
            return 0;
        }
    }
}
