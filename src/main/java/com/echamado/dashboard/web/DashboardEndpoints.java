package com.echamado.dashboard.web;

import static com.echamado.platform.security.EndpointRule.get;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the dashboard's start page and API: every signed-in caller, who sees the figures of what they may see;
 * SLA compliance, agents and administrators.
 */
@Configuration(proxyBeanMethods = false)
class DashboardEndpoints {

    @Bean
    EndpointRules dashboardEndpointRules() {
        return EndpointRules.of(
                "dashboard",
                get("/", Access.AUTHENTICATED),
                get("/api/v1/dashboard", Access.AUTHENTICATED),
                get("/api/v1/dashboard/sla", Access.AGENT));
    }
}
