package com.echamado.platform.messaging;

import java.util.Date;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes to the topic exchange with publisher confirms (correlated) and mandatory routing, and waits for the
 * broker: an ack completes the send; a nack, an unroutable return or silence past the timeout throws.
 */
class RabbitEventSink {

    private final RabbitTemplate rabbit;
    private final EventCodec codec;
    private final MessagingProperties properties;

    RabbitEventSink(RabbitTemplate rabbit, EventCodec codec, MessagingProperties properties) {
        this.rabbit = rabbit;
        this.codec = codec;
        this.properties = properties;
    }

    /** Returns only once the broker confirmed the event; throws otherwise, leaving the publication incomplete. */
    void send(DomainEvent event) {
        String type = codec.type(event);
        MessageProperties headers = new MessageProperties();
        headers.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        headers.setContentEncoding("UTF-8");
        headers.setMessageId(event.eventId().toString());
        headers.setType(type);
        headers.setTimestamp(Date.from(event.occurredAt()));
        headers.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        headers.setHeader("schema-version", event.schemaVersion());
        CorrelationData correlation = new CorrelationData(event.eventId().toString());
        rabbit.send(properties.exchange(), type, new Message(codec.encode(event), headers), correlation);
        CorrelationData.Confirm confirm = await(correlation, type);
        if (correlation.getReturned() != null) {
            throw new EventNotDeliveredException("Event " + type + " " + event.eventId() + " was unroutable: "
                    + correlation.getReturned().getReplyText());
        }
        if (!confirm.ack()) {
            throw new EventNotDeliveredException(
                    "Broker refused event " + type + " " + event.eventId() + ": " + confirm.reason());
        }
    }

    private CorrelationData.Confirm await(CorrelationData correlation, String type) {
        try {
            return correlation.getFuture().get(properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EventNotDeliveredException("No broker confirm for " + type + " within the timeout", e);
        } catch (ExecutionException e) {
            throw new EventNotDeliveredException("Publishing " + type + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotDeliveredException("Interrupted while waiting for the broker", e);
        }
    }
}
