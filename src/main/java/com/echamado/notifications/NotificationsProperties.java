package com.echamado.notifications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code echamado.notifications.*}: the public URL links in e-mails point to, the sender address, and webhook
 * delivery: attempts per event, first and longest pause between attempts (doubling), consecutive failures after
 * which a webhook is disabled, request timeout, how often due deliveries are looked for, and the hosts that may be
 * internal addresses (see {@link WebhookTargets}; none by default).
 */
@Validated
@ConfigurationProperties("echamado.notifications")
record NotificationsProperties(
        @NotBlank String publicUrl,
        @NotBlank String mailFrom,
        @Valid @NotNull Webhooks webhooks) {

    /** The ticket's page, as the web UI addresses it (by number), under the public URL. */
    String ticketLink(long number) {
        return link("/tickets/" + number);
    }

    /** A page of the web UI under the public URL. */
    String link(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }

    record Webhooks(
            @Min(1) int maxAttempts,
            @NotNull Duration firstRetry,
            @NotNull Duration maxRetry,
            @Min(1) int disableAfter,
            @NotNull Duration timeout,
            @NotNull Duration pollInterval,
            List<String> allowedHosts) {

        /** The pause after the given failed attempt (1, 2, …): first-retry × 2^(attempt−1), capped. */
        Duration backoff(int attempt) {
            long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
            Duration pause = firstRetry.multipliedBy(factor);
            return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
        }
    }
}
