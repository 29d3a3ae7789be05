package com.echamado.platform.messaging;

import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/** Receives one consumer's queue: decodes the message and runs the consumer through the inbox. */
class ConsumerListener implements MessageListener {

    private final EventConsumer consumer;
    private final EventCodec codec;
    private final Inbox inbox;

    ConsumerListener(EventConsumer consumer, EventCodec codec, Inbox inbox) {
        this.consumer = consumer;
        this.codec = codec;
        this.inbox = inbox;
    }

    @Override
    public void onMessage(Message message) {
        EventMessage event;
        try {
            event = codec.decode(message.getBody());
        } catch (IllegalArgumentException unreadable) {
            // never retried: straight to the dead-letter queue
            throw new AmqpRejectAndDontRequeueException(unreadable.getMessage(), unreadable);
        }
        inbox.process(consumer, event);
    }
}
