package com.echamado.platform.messaging;

import java.util.List;

/**
 * A consumer of events with its own durable queue ({@code <prefix>.<name>}) and dead-letter queue. {@link
 * #consume(EventMessage)} runs inside the transaction that records the event id in the inbox, so a message that
 * arrives twice is processed once. Throwing leaves the inbox untouched: the message is retried, then dead-lettered.
 */
public interface EventConsumer {

    /** Short name: the queue suffix and the inbox key. */
    String name();

    /** Routing-key patterns of the queue's bindings ({@code ticket.opened}, {@code ticket.*}, {@code #}). */
    List<String> bindings();

    void consume(EventMessage message);
}
