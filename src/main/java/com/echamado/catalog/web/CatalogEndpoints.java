package com.echamado.catalog.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;
import static com.echamado.platform.security.EndpointRule.put;

import com.echamado.catalog.CatalogException;
import com.echamado.identity.IdentityException;
import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import com.echamado.platform.web.ApiProblems;
import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Who may call the catalog endpoints, and how catalog errors look. */
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

    @RestControllerAdvice(assignableTypes = {CatalogApi.class, DepartmentAgentsApi.class})
    static class CatalogProblems {

        @ExceptionHandler(CatalogException.class)
        ResponseEntity<ProblemDetail> catalog(CatalogException ex) {
            HttpStatus status = switch (ex.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case INVALID -> HttpStatus.BAD_REQUEST;
            };
            ProblemDetail problem = status == HttpStatus.BAD_REQUEST && ex.field() != null
                    ? ApiProblems.validation(List.of(ApiProblems.fieldError(ex.field(), ex.getMessage())))
                    : ProblemDetail.forStatusAndDetail(status, ex.getMessage());
            problem.setType(URI.create("https://echamado.dev/problems/" + ex.code()));
            if (ex.usage() > 0) {
                problem.setProperty("tickets", ex.usage());
            }
            return ResponseEntity.status(status).body(problem);
        }

        @ExceptionHandler(IdentityException.class)
        ResponseEntity<ProblemDetail> unknownUser(IdentityException ex) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
        }
    }
}
