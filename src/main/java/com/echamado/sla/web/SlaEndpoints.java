package com.echamado.sla.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;
import static com.echamado.platform.security.EndpointRule.put;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the SLA endpoints: calendars and policies are administrators' (API and pages); a ticket's SLA is for
 * whoever may see the ticket (the tickets facade decides). Everything else stays denied.
 */
@Configuration(proxyBeanMethods = false)
class SlaEndpoints {

    @Bean
    EndpointRules slaEndpointRules() {
        return EndpointRules.of(
                "sla",
                get("/api/v1/sla/calendars", Access.ADMIN),
                post("/api/v1/sla/calendars", Access.ADMIN),
                get("/api/v1/sla/calendars/{id}", Access.ADMIN),
                put("/api/v1/sla/calendars/{id}", Access.ADMIN),
                delete("/api/v1/sla/calendars/{id}", Access.ADMIN),
                post("/api/v1/sla/calendars/{id}/holidays", Access.ADMIN),
                get("/api/v1/sla/policies", Access.ADMIN),
                post("/api/v1/sla/policies", Access.ADMIN),
                get("/api/v1/sla/policies/{id}", Access.ADMIN),
                put("/api/v1/sla/policies/{id}", Access.ADMIN),
                delete("/api/v1/sla/policies/{id}", Access.ADMIN),
                get("/api/v1/sla/policies/{id}/preview", Access.ADMIN),
                get("/api/v1/sla/tickets/{id}", Access.AUTHENTICATED),
                get("/api/v1/sla/at-risk", Access.AGENT),
                get("/api/v1/sla/compliance", Access.ADMIN),
                get("/admin/sla", Access.ADMIN),
                post("/admin/sla/calendars", Access.ADMIN),
                post("/admin/sla/calendars/{id}/holidays", Access.ADMIN),
                post("/admin/sla/policies", Access.ADMIN),
                post("/admin/sla/policies/{id}/delete", Access.ADMIN),
                get("/tickets/{id}/sla", Access.AUTHENTICATED));
    }
}
