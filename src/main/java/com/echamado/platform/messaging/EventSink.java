package com.echamado.platform.messaging;

/** Where the forwarder hands events: RabbitMQ in production, the in-process consumers in {@code local}. */
interface EventSink {

    /** Returns only once the event is safely handed over; throws otherwise, leaving the publication incomplete. */
    void send(DomainEvent event);
}
