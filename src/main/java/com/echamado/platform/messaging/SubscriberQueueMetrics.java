package com.echamado.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Per subscriber (another system reading RabbitMQ): {@code echamado_events_queue_depth} (messages waiting in its
 * queue) and {@code echamado_events_dead_letters} (messages in its dead-letter queue), polled from the broker, with
 * the subscriber's name as the {@code consumer} tag, like the in-process consumers' ({@link ListenerMetrics}).
 */
class SubscriberQueueMetrics {

    private final AmqpAdmin admin;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    SubscriberQueueMetrics(AmqpAdmin admin, MessagingProperties properties, MeterRegistry meters) {
        this.admin = admin;
        for (String subscriber : properties.subscribers().keySet()) {
            gauge(
                    meters,
                    "echamado.events.queue.depth",
                    "Messages waiting in the subscriber's queue",
                    subscriber,
                    properties.queue(subscriber));
            gauge(
                    meters,
                    "echamado.events.dead.letters",
                    "Messages in the subscriber's dead-letter queue",
                    subscriber,
                    properties.deadLetterQueue(subscriber));
        }
    }

    private void gauge(MeterRegistry meters, String name, String description, String subscriber, String queue) {
        AtomicLong value = values.computeIfAbsent(queue, q -> new AtomicLong());
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tag("consumer", subscriber)
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
}
