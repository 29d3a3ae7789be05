package com.echamado.platform.messaging;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code local} transport: no broker; the forwarder hands events straight to the consumers. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "echamado.messaging.transport", havingValue = "in-process")
class InProcessMessagingConfiguration {

    @Bean
    EventSink inProcessEventSink(List<EventConsumer> consumers, EventCodec codec, Inbox inbox) {
        return new InProcessEventSink(consumers, codec, inbox);
    }
}
