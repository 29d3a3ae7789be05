package com.echamado.platform.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Event delivery ({@code echamado.messaging.*}).
 *
 * @param transport {@code rabbitmq} (production) or {@code in-process} ({@code local}: consumers are called
 *     directly)
 * @param exchange the topic exchange events are published to
 * @param queuePrefix consumer queues are {@code <prefix>.<consumer>}, their dead letters {@code …​.dlq}
 * @param confirmTimeout how long a publish waits for the broker's confirm
 * @param resubmitAfter incomplete publications older than this are resubmitted
 * @param resubmitInterval how often one replica looks for them
 * @param resubmitBatch at most this many publications per run
 * @param keepCompleted completed publications are deleted after this
 */
@Validated
@ConfigurationProperties("echamado.messaging")
record MessagingProperties(
        @NotBlank String transport,
        @NotBlank String exchange,
        @NotBlank String queuePrefix,
        @NotNull Duration confirmTimeout,
        @NotNull Duration resubmitAfter,
        @NotNull Duration resubmitInterval,
        @Min(1) int resubmitBatch,
        @NotNull Duration keepCompleted) {

    boolean rabbit() {
        return "rabbitmq".equals(transport);
    }

    String queue(String consumer) {
        return queuePrefix + "." + consumer;
    }

    String deadLetterQueue(String consumer) {
        return queue(consumer) + ".dlq";
    }

    String deadLetterExchange() {
        return exchange + ".dlx";
    }
}
