package com.echamado.tickets.web;

import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.patch;
import static com.echamado.platform.security.EndpointRule.post;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Who may call the tickets endpoints (per-ticket rights are checked by the facade), and their problem details. */
@Configuration(proxyBeanMethods = false)
class TicketEndpoints {

    @Bean
    EndpointRules ticketEndpointRules() {
        return EndpointRules.of(
                "tickets",
                get("/api/v1/tickets", Access.AUTHENTICATED),
                post("/api/v1/tickets", Access.AUTHENTICATED),
                get("/api/v1/tickets/{id}", Access.AUTHENTICATED),
                get("/api/v1/tickets/number/{number}", Access.AUTHENTICATED),
                patch("/api/v1/tickets/{id}", Access.AUTHENTICATED),
                post("/api/v1/tickets/{id}/transition", Access.AGENT),
                post("/api/v1/tickets/{id}/assign", Access.AGENT),
                post("/api/v1/tickets/{id}/resolve", Access.AGENT),
                post("/api/v1/tickets/{id}/close", Access.AGENT),
                post("/api/v1/tickets/{id}/reopen", Access.AUTHENTICATED),
                post("/api/v1/tickets/{id}/rate", Access.AUTHENTICATED),
                get("/api/v1/tickets/{id}/history", Access.AUTHENTICATED));
    }

    /** The ticket pages; per-ticket rights are the facade's, these rules only gate pages by role. */
    @Bean
    EndpointRules ticketPageRules() {
        return EndpointRules.of(
                "ticket-pages",
                get("/tickets", Access.AUTHENTICATED),
                get("/tickets/new", Access.AUTHENTICATED),
                get("/tickets/export.csv", Access.AUTHENTICATED),
                post("/tickets/new", Access.AUTHENTICATED),
                get("/tickets/subcategories", Access.AUTHENTICATED),
                get("/tickets/{number}", Access.AUTHENTICATED),
                get("/tickets/{number}/edit", Access.AUTHENTICATED),
                post("/tickets/{number}/edit", Access.AUTHENTICATED),
                post("/tickets/{number}/reopen", Access.AUTHENTICATED),
                post("/tickets/{number}/rate", Access.AUTHENTICATED),
                post("/tickets/{number}/assign", Access.AGENT),
                post("/tickets/{number}/transition", Access.AGENT),
                post("/tickets/{number}/resolve", Access.AGENT),
                post("/tickets/{number}/close", Access.AGENT));
    }

    /** Ahead of the platform's {@code ApiProblems}, which answers other stale writes with 409. */
    @RestControllerAdvice(assignableTypes = {TicketsApi.class, TicketWritingApi.class})
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class TicketProblems {

        @ExceptionHandler(OptimisticLockingFailureException.class)
        ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException ex) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.PRECONDITION_FAILED, "The ticket changed meanwhile; reload it");
            problem.setProperties(Map.of("code", "stale"));
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
        }
    }
}
