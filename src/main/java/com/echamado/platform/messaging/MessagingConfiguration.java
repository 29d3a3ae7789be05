package com.echamado.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What both transports share: event types, the codec, the inbox, the forwarder, resubmission and metrics. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    EventTypes eventTypes() {
        return new EventTypes("com.echamado");
    }

    @Bean
    EventCodec eventCodec(JsonMapper json, EventTypes types) {
        return new EventCodec(json, types);
    }

    @Bean
    Inbox eventInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, MeterRegistry meters, Clock clock) {
        return new Inbox(jdbc, new TransactionTemplate(transactions), meters, clock);
    }

    @Bean
    EventForwarder eventForwarder(EventSink sink, EventTypes types, MeterRegistry meters) {
        return new EventForwarder(sink, types, meters);
    }

    @Bean
    OutboxResubmission outboxResubmission(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            DataSource dataSource,
            MessagingProperties properties) {
        return new OutboxResubmission(incomplete, completed, dataSource, properties);
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        return new OutboxMetrics(jdbc, meters, clock);
    }
}
