package com.echamado.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries. Each replica claims a delivery with a conditional update before sending, so two
 * replicas never send the same attempt. A 2xx answer delivers; anything else (or no answer in time) schedules the
 * next attempt after an exponentially growing pause, gives up after the last attempt, and disables the webhook
 * after too many consecutive failures. A target that {@link WebhookTargets} refuses (its name now resolves to an
 * internal address) fails the delivery at once, without retries, and counts as a failure of the webhook.
 */
@Component
class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final JdbcTemplate jdbc;
    private final NotificationsProperties.Webhooks settings;
    private final Clock clock;
    private final HttpClient http;
    private final WebhookTargets targets;

    WebhookDispatcher(JdbcTemplate jdbc, NotificationsProperties properties, Clock clock, WebhookTargets targets) {
        this.jdbc = jdbc;
        this.settings = properties.webhooks();
        this.clock = clock;
        this.targets = targets;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            initialDelayString = "${echamado.notifications.webhooks.poll-interval}",
            fixedDelayString = "${echamado.notifications.webhooks.poll-interval}")
    void dispatchDue() {
        try {
            Instant now = clock.instant();
            List<UUID> due = jdbc.queryForList(
                    "select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?"
                            + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at limit 50",
                    UUID.class,
                    Timestamp.from(now),
                    Timestamp.from(now));
            due.stream().filter(id -> claim(id, now)).forEach(this::attempt);
        } catch (RuntimeException e) {
            LOG.warn("Webhook dispatch round failed: {}", e.toString());
        }
    }

    private boolean claim(UUID id, Instant now) {
        Instant until = now.plus(settings.timeout()).plusSeconds(30);
        return jdbc.update(
                        "update webhook_delivery set claimed_until = ? where id = ? and status = 'PENDING'"
                                + " and (claimed_until is null or claimed_until < ?)",
                        Timestamp.from(until),
                        id,
                        Timestamp.from(now))
                == 1;
    }

    void attempt(UUID deliveryId) {
        Map<String, Object> delivery = jdbc.queryForMap(
                "select d.id, d.event_id, d.event_type, d.payload, d.attempts, w.id as webhook_id, w.url, w.secret,"
                        + " w.enabled from webhook_delivery d join webhook w on w.id = d.webhook_id where d.id = ?",
                deliveryId);
        if (!Boolean.TRUE.equals(delivery.get("enabled"))) {
            jdbc.update(
                    "update webhook_delivery set status = 'CANCELLED', claimed_until = null where id = ?", deliveryId);
            return;
        }
        int attempts = ((Number) delivery.get("attempts")).intValue() + 1;
        UUID webhookId = (UUID) delivery.get("webhook_id");
        URI url;
        try {
            url = URI.create((String) delivery.get("url"));
        } catch (IllegalArgumentException e) {
            failed(deliveryId, webhookId, attempts, null, "Refused: " + e.getMessage(), true);
            return;
        }
        String refusal = targets.refusal(url).orElse(null);
        if (refusal != null) {
            LOG.warn("Webhook {} delivery {} refused: {}", webhookId, deliveryId, refusal);
            failed(deliveryId, webhookId, attempts, null, "Refused: " + refusal, true);
            return;
        }
        String body = String.valueOf(delivery.get("payload"));
        long timestamp = clock.instant().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "EChamado-Webhooks/1")
                    .header("X-EChamado-Event", (String) delivery.get("event_type"))
                    .header("X-EChamado-Event-Id", String.valueOf(delivery.get("event_id")))
                    .header("X-EChamado-Delivery", deliveryId.toString())
                    .header(
                            WebhookSignature.HEADER,
                            WebhookSignature.header((String) delivery.get("secret"), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (status != null && status >= 200 && status < 300) {
            succeeded(deliveryId, webhookId, attempts, status);
        } else {
            failed(deliveryId, webhookId, attempts, status, error == null ? "HTTP " + status : error, false);
        }
    }

    private void succeeded(UUID deliveryId, UUID webhookId, int attempts, int status) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "update webhook_delivery set status = 'DELIVERED', attempts = ?, last_status = ?, last_error = null,"
                        + " completed_at = ?, next_attempt_at = null, claimed_until = null where id = ?",
                attempts,
                status,
                now,
                deliveryId);
        jdbc.update("update webhook set consecutive_failures = 0 where id = ?", webhookId);
    }

    private void failed(UUID deliveryId, UUID webhookId, int attempts, Integer status, String error, boolean giveUp) {
        Instant now = clock.instant();
        boolean last = giveUp || attempts >= settings.maxAttempts();
        String message = error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.update(
                "update webhook_delivery set status = ?, attempts = ?, last_status = ?, last_error = ?,"
                        + " next_attempt_at = ?, completed_at = ?, claimed_until = null where id = ?",
                last ? "FAILED" : "PENDING",
                attempts,
                status,
                message,
                last ? null : Timestamp.from(now.plus(settings.backoff(attempts))),
                last ? Timestamp.from(now) : null,
                deliveryId);
        jdbc.update("update webhook set consecutive_failures = consecutive_failures + 1 where id = ?", webhookId);
        int disabled = jdbc.update(
                "update webhook set enabled = false, disabled_at = ? where id = ? and enabled = true"
                        + " and consecutive_failures >= ?",
                Timestamp.from(now),
                webhookId,
                settings.disableAfter());
        if (disabled > 0) {
            jdbc.update(
                    "update webhook_delivery set status = 'CANCELLED', next_attempt_at = null, claimed_until = null"
                            + " where webhook_id = ? and status = 'PENDING'",
                    webhookId);
            LOG.warn("Webhook {} disabled after {} consecutive failures", webhookId, settings.disableAfter());
        }
    }
}
