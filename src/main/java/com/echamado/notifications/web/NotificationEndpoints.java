package com.echamado.notifications.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the notification endpoints: administrators only. */
@Configuration(proxyBeanMethods = false)
class NotificationEndpoints {

    @Bean
    EndpointRules notificationEndpointRules() {
        return EndpointRules.of(
                "notifications",
                get("/api/v1/webhooks", Access.ADMIN),
                post("/api/v1/webhooks", Access.ADMIN),
                get("/api/v1/webhooks/{id}", Access.ADMIN),
                delete("/api/v1/webhooks/{id}", Access.ADMIN),
                post("/api/v1/webhooks/{id}/enable", Access.ADMIN),
                get("/api/v1/webhooks/{id}/deliveries", Access.ADMIN));
    }
}
