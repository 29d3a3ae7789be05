package com.echamado.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class MessagingPropertiesTests {

    @Test
    void aSubscriberNamedInTheEnvironmentBindsItsPatterns() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("ECHAMADO_MESSAGING_SUBSCRIBERS_ERP", "ticket.#,comment.added")));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "yaml",
                        Map.of(
                                "echamado.messaging.exchange", "echamado.events",
                                "echamado.messaging.queue-prefix", "echamado",
                                "echamado.messaging.confirm-timeout", "10s",
                                "echamado.messaging.resubmit-after", "1m",
                                "echamado.messaging.resubmit-interval", "30s",
                                "echamado.messaging.resubmit-batch", "500",
                                "echamado.messaging.max-attempts", "4",
                                "echamado.messaging.keep-completed", "7d")));

        MessagingProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bind("echamado.messaging", MessagingProperties.class)
                .get();

        assertThat(properties.subscribers()).isEqualTo(Map.of("erp", List.of("ticket.#", "comment.added")));
        assertThat(properties.queue("erp")).isEqualTo("echamado.erp");
    }

    @Test
    void onlyTypesASubscriberBindsArePublished() {
        var properties = EventsIntegrationTests.properties(
                "x", Map.of("erp", List.of("ticket.*"), "bi", List.of("comment.added")));

        assertThat(properties.subscribed("ticket.opened")).isTrue();
        assertThat(properties.subscribed("comment.added")).isTrue();
        assertThat(properties.subscribed("user.created")).isFalse();
        assertThat(EventsIntegrationTests.properties("x", null).subscribed("ticket.opened"))
                .isFalse();
    }
}
