package com.echamado.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.annotation.RabbitListenerConfigurer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The RabbitMQ transport: the topic exchange, one durable queue per consumer bound by its patterns, each with a
 * dead-letter queue behind a direct exchange, the listener containers, and the confirming sink.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "echamado.messaging.transport", havingValue = "rabbitmq", matchIfMissing = true)
class RabbitMessagingConfiguration {

    @Bean
    EventSink rabbitEventSink(RabbitTemplate rabbit, EventCodec codec, MessagingProperties properties) {
        return new RabbitEventSink(rabbit, codec, properties);
    }

    @Bean
    Declarables eventTopology(List<EventConsumer> consumers, MessagingProperties properties) {
        TopicExchange events = new TopicExchange(properties.exchange(), true, false);
        DirectExchange deadLetters = new DirectExchange(properties.deadLetterExchange(), true, false);
        List<Declarable> declarables = new ArrayList<>(List.of(events, deadLetters));
        for (EventConsumer consumer : consumers) {
            String name = properties.queue(consumer.name());
            Queue queue = QueueBuilder.durable(name)
                    .withArguments(Map.of(
                            "x-dead-letter-exchange",
                            properties.deadLetterExchange(),
                            "x-dead-letter-routing-key",
                            name))
                    .build();
            Queue deadLetterQueue = QueueBuilder.durable(properties.deadLetterQueue(consumer.name()))
                    .build();
            declarables.add(queue);
            declarables.add(deadLetterQueue);
            declarables.add(BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(name));
            for (String pattern : consumer.bindings()) {
                Binding binding = BindingBuilder.bind(queue).to(events).with(pattern);
                declarables.add(binding);
            }
        }
        return new Declarables(declarables);
    }

    @Bean
    RabbitListenerConfigurer eventConsumers(
            List<EventConsumer> consumers,
            EventCodec codec,
            Inbox inbox,
            MessagingProperties properties,
            SimpleRabbitListenerContainerFactory factory) {
        return registrar -> {
            for (EventConsumer consumer : consumers) {
                SimpleRabbitListenerEndpoint endpoint = new SimpleRabbitListenerEndpoint();
                endpoint.setId("echamado.consumer." + consumer.name());
                endpoint.setQueueNames(properties.queue(consumer.name()));
                endpoint.setMessageListener(new ConsumerListener(consumer, codec, inbox));
                registrar.registerEndpoint(endpoint, factory);
            }
        };
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(
            AmqpAdmin admin, List<EventConsumer> consumers, MessagingProperties properties, MeterRegistry meters) {
        return new DeadLetterMetrics(admin, consumers, properties, meters);
    }
}
