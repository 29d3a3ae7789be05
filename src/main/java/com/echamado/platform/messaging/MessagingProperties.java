package com.echamado.platform.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Event delivery ({@code echamado.messaging.*}).
 *
 * @param externalize whether events leave the process to RabbitMQ ({@code false} in {@code local}, which has no
 *     broker; the in-process listeners are the same either way)
 * @param exchange the topic exchange events are published to
 * @param queuePrefix subscriber queues are {@code <prefix>.<subscriber>}, their dead letters {@code …​.dlq}
 * @param subscribers the other systems that read events from RabbitMQ, each with the routing-key patterns of its
 *     queue; only events some subscriber binds are published
 * @param confirmTimeout how long a publish waits for the broker's confirm
 * @param resubmitAfter incomplete publications older than this are resubmitted
 * @param resubmitInterval how often one replica looks for them
 * @param resubmitBatch at most this many publications per run
 * @param maxAttempts an in-process listener that failed this many times is left alone (a dead letter) until an
 *     operator resubmits it; the forwarder is retried until the broker takes the event
 * @param keepCompleted completed publications are deleted after this
 */
@Validated
@ConfigurationProperties("echamado.messaging")
record MessagingProperties(
        boolean externalize,
        @NotBlank String exchange,
        @NotBlank String queuePrefix,
        Map<String, List<String>> subscribers,
        @NotNull Duration confirmTimeout,
        @NotNull Duration resubmitAfter,
        @NotNull Duration resubmitInterval,
        @Min(1) int resubmitBatch,
        @Min(1) int maxAttempts,
        @NotNull Duration keepCompleted) {

    MessagingProperties {
        subscribers = subscribers == null ? Map.of() : Map.copyOf(subscribers);
    }

    /** Whether a subscriber's queue is bound to this event type. */
    boolean subscribed(String type) {
        return subscribers.values().stream()
                .flatMap(List::stream)
                .anyMatch(pattern -> RoutingKeys.matches(pattern, type));
    }

    String queue(String subscriber) {
        return queuePrefix + "." + subscriber;
    }

    String deadLetterQueue(String subscriber) {
        return queue(subscriber) + ".dlq";
    }

    String deadLetterExchange() {
        return exchange + ".dlx";
    }
}
