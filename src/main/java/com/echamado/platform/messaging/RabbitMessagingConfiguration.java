package com.echamado.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The way out to other systems: the topic exchange, one durable queue per subscriber bound by its patterns, each
 * with a dead-letter queue behind a direct exchange, the confirming forwarder and the queues' metrics. Off in
 * {@code local} ({@code echamado.messaging.externalize=false}), which has no broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "echamado.messaging.externalize", havingValue = "true", matchIfMissing = true)
class RabbitMessagingConfiguration {

    @Bean
    RabbitEventSink rabbitEventSink(RabbitTemplate rabbit, EventCodec codec, MessagingProperties properties) {
        return new RabbitEventSink(rabbit, codec, properties);
    }

    @Bean
    EventForwarder eventForwarder(
            RabbitEventSink sink, EventTypes types, MessagingProperties properties, MeterRegistry meters) {
        return new EventForwarder(sink, types, properties, meters);
    }

    @Bean
    Declarables eventTopology(MessagingProperties properties) {
        TopicExchange events = new TopicExchange(properties.exchange(), true, false);
        DirectExchange deadLetters = new DirectExchange(properties.deadLetterExchange(), true, false);
        List<Declarable> declarables = new ArrayList<>(List.of(events, deadLetters));
        properties.subscribers().forEach((subscriber, patterns) -> {
            String name = properties.queue(subscriber);
            Queue queue = QueueBuilder.durable(name)
                    .withArguments(Map.of(
                            "x-dead-letter-exchange",
                            properties.deadLetterExchange(),
                            "x-dead-letter-routing-key",
                            name))
                    .build();
            Queue deadLetterQueue =
                    QueueBuilder.durable(properties.deadLetterQueue(subscriber)).build();
            declarables.add(queue);
            declarables.add(deadLetterQueue);
            declarables.add(BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(name));
            for (String pattern : patterns) {
                declarables.add(BindingBuilder.bind(queue).to(events).with(pattern));
            }
        });
        return new Declarables(declarables);
    }

    @Bean
    SubscriberQueueMetrics subscriberQueueMetrics(
            AmqpAdmin admin, MessagingProperties properties, MeterRegistry meters) {
        return new SubscriberQueueMetrics(admin, properties, meters);
    }
}
