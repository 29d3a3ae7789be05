package com.echamado.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * Forwards every domain event that a subscriber's queue binds to RabbitMQ, after its transaction committed
 * (asynchronously, tracked by the event publication registry). The publication completes only when this method
 * returns, that is after the broker confirmed; a failure leaves it incomplete for {@link OutboxResubmission}. An
 * event no subscriber binds completes without a publish: nobody outside would read it.
 */
class EventForwarder {

    static final String ID = "echamado.events.forwarder";

    private static final Logger LOG = LoggerFactory.getLogger(EventForwarder.class);

    private final RabbitEventSink sink;
    private final EventTypes types;
    private final MessagingProperties properties;
    private final MeterRegistry meters;

    EventForwarder(RabbitEventSink sink, EventTypes types, MessagingProperties properties, MeterRegistry meters) {
        this.sink = sink;
        this.types = types;
        this.properties = properties;
        this.meters = meters;
    }

    @ApplicationModuleListener(id = ID, propagation = Propagation.NOT_SUPPORTED)
    public void on(DomainEvent event) {
        String type = types.nameOf(event);
        if (!properties.subscribed(type)) {
            return;
        }
        try {
            sink.send(event);
            Counter.builder("echamado.events.published")
                    .description("Events the broker confirmed")
                    .tag("type", type)
                    .register(meters)
                    .increment();
        } catch (RuntimeException e) {
            Counter.builder("echamado.events.publish.failures")
                    .description("Attempts to publish an event that the broker did not confirm")
                    .tag("type", type)
                    .register(meters)
                    .increment();
            LOG.warn("Event {} {} not delivered yet, will be resubmitted: {}", type, event.eventId(), e.toString());
            throw e;
        }
    }
}
