package com.echamado.catalog.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;
import static com.echamado.platform.security.EndpointRule.put;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the catalog endpoints. Catalog errors are {@code ProblemException}s, mapped by the platform. */
@Configuration(proxyBeanMethods = false)
class CatalogEndpoints {

    @Bean
    EndpointRules catalogEndpointRules() {
        return EndpointRules.of(
                "catalog",
                get("/api/v1/catalog/{kind}", Access.AUTHENTICATED),
                get("/api/v1/catalog/{kind}/{id}", Access.AUTHENTICATED),
                post("/api/v1/catalog/{kind}", Access.ADMIN),
                put("/api/v1/catalog/{kind}/{id}", Access.ADMIN),
                post("/api/v1/catalog/{kind}/{id}/disable", Access.ADMIN),
                post("/api/v1/catalog/{kind}/{id}/enable", Access.ADMIN),
                delete("/api/v1/catalog/{kind}/{id}", Access.ADMIN),
                get("/api/v1/departments/{departmentId}/agents", Access.AGENT),
                put("/api/v1/departments/{departmentId}/agents/{userId}", Access.ADMIN),
                delete("/api/v1/departments/{departmentId}/agents/{userId}", Access.ADMIN));
    }
}
