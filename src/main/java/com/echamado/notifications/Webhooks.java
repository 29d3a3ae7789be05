package com.echamado.notifications;

import com.echamado.platform.messaging.EventTypes;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks: administrators register a URL, a secret and event-type patterns ({@code ticket.opened}, {@code
 * ticket.*}, {@code #} for all); every matching event becomes a delivery that {@link WebhookDispatcher} POSTs,
 * signed, with retries. A webhook that keeps failing is disabled until an administrator enables it again.
 */
@Service
@Transactional
public class Webhooks {

    private final JdbcTemplate jdbc;
    private final EventTypes types;
    private final Clock clock;
    private final WebhookTargets targets;

    Webhooks(JdbcTemplate jdbc, EventTypes types, Clock clock, WebhookTargets targets) {
        this.jdbc = jdbc;
        this.types = types;
        this.clock = clock;
        this.targets = targets;
    }

    public WebhookView register(NewWebhook request, UUID actorId) {
        URI url = validUrl(request.url());
        if (request.secret() == null
                || request.secret().length() < 16
                || request.secret().length() > 200) {
            throw WebhookException.invalid("secret", "Use a random secret of 16 to 200 characters");
        }
        if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
            throw WebhookException.invalid("eventTypes", "Name at least one event type, or # for all");
        }
        for (String pattern : request.eventTypes()) {
            if (pattern == null || !pattern.matches("[a-z#*][a-z.#*-]{0,99}") || !types.matchesAny(pattern)) {
                throw WebhookException.invalid(
                        "eventTypes", "Unknown event type " + pattern + "; known: " + types.names());
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into webhook (id, url, secret, event_types, enabled, consecutive_failures, created_at,"
                        + " created_by) values (?, ?, ?, ?, true, 0, ?, ?)",
                id,
                url.toString(),
                request.secret(),
                String.join(",", request.eventTypes()),
                Timestamp.from(clock.instant()),
                actorId);
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<WebhookView> list() {
        return jdbc.query("select * from webhook order by created_at, id", Webhooks::view);
    }

    @Transactional(readOnly = true)
    public WebhookView get(UUID id) {
        return jdbc.query("select * from webhook where id = ?", Webhooks::view, id).stream()
                .findFirst()
                .orElseThrow(() -> WebhookException.notFound(id));
    }

    public void delete(UUID id) {
        get(id);
        jdbc.update("delete from webhook where id = ?", id);
    }

    /** Enables a webhook again and forgets its failures; deliveries cancelled meanwhile are not resent. */
    public WebhookView enable(UUID id) {
        get(id);
        jdbc.update("update webhook set enabled = true, consecutive_failures = 0, disabled_at = null where id = ?", id);
        return get(id);
    }

    /** The newest deliveries of a webhook, newest first. */
    @Transactional(readOnly = true)
    public List<WebhookDeliveryView> deliveries(UUID id, int limit) {
        get(id);
        return jdbc.query(
                "select * from webhook_delivery where webhook_id = ? order by created_at desc, id limit ?",
                Webhooks::delivery,
                id,
                Math.max(1, Math.min(limit, 500)));
    }

    private URI validUrl(String value) {
        URI url;
        try {
            url = URI.create(value == null ? "" : value.trim());
        } catch (IllegalArgumentException invalid) {
            throw WebhookException.invalid("url", "Use an absolute http or https URL without credentials");
        }
        if (url.getUserInfo() != null) {
            throw WebhookException.invalid("url", "Use an absolute http or https URL without credentials");
        }
        targets.refusal(url).ifPresent(reason -> {
            throw WebhookException.invalid("url", reason);
        });
        return url;
    }

    static WebhookView view(ResultSet row, int n) throws SQLException {
        return new WebhookView(
                row.getObject("id", UUID.class),
                row.getString("url"),
                Arrays.asList(row.getString("event_types").split(",")),
                row.getBoolean("enabled"),
                row.getInt("consecutive_failures"),
                instant(row, "created_at"),
                instant(row, "disabled_at"));
    }

    static WebhookDeliveryView delivery(ResultSet row, int n) throws SQLException {
        int lastStatus = row.getInt("last_status");
        return new WebhookDeliveryView(
                row.getObject("id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getString("event_type"),
                row.getString("status"),
                row.getInt("attempts"),
                row.wasNull() ? null : lastStatus,
                row.getString("last_error"),
                instant(row, "created_at"),
                instant(row, "next_attempt_at"),
                instant(row, "completed_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
