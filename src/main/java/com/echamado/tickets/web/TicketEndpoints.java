package com.echamado.tickets.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.patch;
import static com.echamado.platform.security.EndpointRule.post;
import static com.echamado.platform.security.EndpointRule.put;

import com.echamado.catalog.CatalogException;
import com.echamado.platform.query.QuerySyntaxException;
import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import com.echamado.platform.web.ApiProblems;
import com.echamado.tickets.TicketException;
import java.net.URI;
import java.util.List;
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
                patch("/api/v1/tickets/{id}", Access.AGENT),
                post("/api/v1/tickets/{id}/transition", Access.AGENT),
                post("/api/v1/tickets/{id}/assign", Access.AGENT),
                post("/api/v1/tickets/{id}/resolve", Access.AGENT),
                post("/api/v1/tickets/{id}/close", Access.AGENT),
                post("/api/v1/tickets/{id}/reopen", Access.AUTHENTICATED),
                post("/api/v1/tickets/{id}/rate", Access.AUTHENTICATED),
                get("/api/v1/tickets/{id}/history", Access.AUTHENTICATED),
                get("/api/v1/tickets/{ticketId}/comments", Access.AUTHENTICATED),
                post("/api/v1/tickets/{ticketId}/comments", Access.AUTHENTICATED),
                put("/api/v1/tickets/{ticketId}/comments/{commentId}", Access.AUTHENTICATED),
                delete("/api/v1/tickets/{ticketId}/comments/{commentId}", Access.AUTHENTICATED),
                get("/api/v1/dashboard", Access.AUTHENTICATED));
    }

    /** Ahead of the platform's {@code ApiProblems}, which answers other stale writes with 409. */
    @RestControllerAdvice(assignableTypes = {TicketsApi.class, CommentsApi.class})
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class TicketProblems {

        @ExceptionHandler(TicketException.class)
        ResponseEntity<ProblemDetail> ticket(TicketException ex) {
            HttpStatus status = switch (ex.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case INVALID -> HttpStatus.BAD_REQUEST;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case STALE -> HttpStatus.PRECONDITION_FAILED;
                case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
                case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
            ProblemDetail problem = status == HttpStatus.BAD_REQUEST && ex.field() != null
                    ? ApiProblems.validation(List.of(ApiProblems.fieldError(ex.field(), ex.getMessage())))
                    : ProblemDetail.forStatusAndDetail(status, ex.getMessage());
            problem.setType(URI.create("https://echamado.dev/problems/" + ex.code()));
            return ResponseEntity.status(status).body(problem);
        }

        @ExceptionHandler(CatalogException.class)
        ResponseEntity<ProblemDetail> catalog(CatalogException ex) {
            HttpStatus status =
                    ex.kind() == CatalogException.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            ProblemDetail problem = status == HttpStatus.BAD_REQUEST
                    ? ApiProblems.validation(List.of(
                            ApiProblems.fieldError(ex.field() == null ? "catalog" : ex.field(), ex.getMessage())))
                    : ProblemDetail.forStatusAndDetail(status, ex.getMessage());
            return ResponseEntity.status(status).body(problem);
        }

        @ExceptionHandler(QuerySyntaxException.class)
        ResponseEntity<ProblemDetail> syntax(QuerySyntaxException ex) {
            ProblemDetail problem = ApiProblems.validation(List.of(ApiProblems.fieldError("filter", ex.getMessage())));
            problem.setDetail("The expression does not parse at position " + ex.position() + ": " + ex.reason());
            problem.setProperty("position", ex.position());
            problem.setProperty("token", ex.token());
            return ResponseEntity.badRequest().body(problem);
        }

        @ExceptionHandler(OptimisticLockingFailureException.class)
        ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException ex) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.PRECONDITION_FAILED, "The ticket changed meanwhile; reload it");
            problem.setProperties(Map.of("code", "stale"));
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
        }
    }
}
