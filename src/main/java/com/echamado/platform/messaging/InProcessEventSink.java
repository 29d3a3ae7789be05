package com.echamado.platform.messaging;

import java.util.List;

/**
 * The {@code local} transport: hands each event to the consumers whose bindings match, through the same codec and
 * inbox as RabbitMQ deliveries. A failing consumer fails the send, so the publication stays incomplete and is
 * resubmitted; consumers that already succeeded skip it then.
 */
class InProcessEventSink implements EventSink {

    private final List<EventConsumer> consumers;
    private final EventCodec codec;
    private final Inbox inbox;

    InProcessEventSink(List<EventConsumer> consumers, EventCodec codec, Inbox inbox) {
        this.consumers = consumers;
        this.codec = codec;
        this.inbox = inbox;
    }

    @Override
    public void send(DomainEvent event) {
        EventMessage message = codec.decode(codec.encode(event));
        RuntimeException failure = null;
        for (EventConsumer consumer : consumers) {
            if (consumer.bindings().stream().anyMatch(pattern -> RoutingKeys.matches(pattern, message.type()))) {
                try {
                    inbox.process(consumer, message);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
