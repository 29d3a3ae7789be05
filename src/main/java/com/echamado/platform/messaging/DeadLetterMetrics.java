package com.echamado.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Per consumer: {@code echamado_events_queue_depth} (messages waiting: the consumer's lag in messages) and {@code
 * echamado_events_dead_letters} (messages in its dead-letter queue), polled from the broker.
 */
class DeadLetterMetrics {

    private final AmqpAdmin admin;
    private final MessagingProperties properties;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    DeadLetterMetrics(
            AmqpAdmin admin, List<EventConsumer> consumers, MessagingProperties properties, MeterRegistry meters) {
        this.admin = admin;
        this.properties = properties;
        for (EventConsumer consumer : consumers) {
            gauge(
                    meters,
                    "echamado.events.queue.depth",
                    "Messages waiting in the consumer's queue",
                    consumer,
                    properties.queue(consumer.name()));
            gauge(
                    meters,
                    "echamado.events.dead.letters",
                    "Messages in the consumer's dead-letter queue",
                    consumer,
                    properties.deadLetterQueue(consumer.name()));
        }
    }

    private void gauge(MeterRegistry meters, String name, String description, EventConsumer consumer, String queue) {
        AtomicLong value = values.computeIfAbsent(queue, q -> new AtomicLong());
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tag("consumer", consumer.name())
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${echamado.messaging.metrics-interval:15s}")
    void refresh() {
        values.forEach((queue, value) -> {
            try {
                QueueInformation info = admin.getQueueInfo(queue);
                if (info != null) {
                    value.set(info.getMessageCount());
                }
            } catch (RuntimeException brokerDown) {
                // keep the last value; the health endpoint shows the broker's state
            }
        });
    }

    long deadLetters(String consumer) {
        return values.getOrDefault(properties.deadLetterQueue(consumer), new AtomicLong())
                .get();
    }
}
