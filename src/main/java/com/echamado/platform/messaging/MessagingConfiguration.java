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

/**
 * What every profile shares: event types, the wire format, the inbox of the in-process listeners, resubmission of
 * incomplete publications and the outbox and listener metrics. RabbitMQ adds {@link RabbitMessagingConfiguration}.
 */
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
    Inbox eventInbox(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            MeterRegistry meters,
            Clock clock,
            EventTypes types) {
        return new Inbox(jdbc, new TransactionTemplate(transactions), meters, clock, types);
    }

    @Bean
    OutboxResubmission outboxResubmission(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            DataSource dataSource,
            JdbcTemplate jdbc,
            MessagingProperties properties) {
        return new OutboxResubmission(incomplete, completed, dataSource, jdbc, properties);
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        return new OutboxMetrics(jdbc, meters, clock);
    }

    @Bean
    ListenerMetrics listenerMetrics(JdbcTemplate jdbc, MessagingProperties properties, MeterRegistry meters) {
        return new ListenerMetrics(jdbc, properties, meters);
    }
}
