package com.echamado.comments.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;
import static com.echamado.platform.security.EndpointRule.put;

import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import com.echamado.platform.web.PageErrors;
import com.echamado.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Who may call the comments endpoints (per-ticket rights are the facades'), and the pages' errors. */
@Configuration(proxyBeanMethods = false)
class CommentEndpoints {

    @Bean
    EndpointRules commentEndpointRules() {
        return EndpointRules.of(
                "comments",
                get("/api/v1/tickets/{ticketId}/comments", Access.AUTHENTICATED),
                post("/api/v1/tickets/{ticketId}/comments", Access.AUTHENTICATED),
                put("/api/v1/tickets/{ticketId}/comments/{commentId}", Access.AUTHENTICATED),
                delete("/api/v1/tickets/{ticketId}/comments/{commentId}", Access.AUTHENTICATED),
                post("/tickets/{number}/comments", Access.AUTHENTICATED),
                get("/tickets/{number}/comments/{id}", Access.AUTHENTICATED),
                get("/tickets/{number}/comments/{id}/edit", Access.AUTHENTICATED),
                post("/tickets/{number}/comments/{id}", Access.AUTHENTICATED),
                post("/tickets/{number}/comments/{id}/delete", Access.AUTHENTICATED));
    }

    /**
     * The conversation's page errors go to the friendly error page, as the ui's page errors do for its pages: a
     * hidden ticket or message is 404, another refusal 403 or 409; an address that does not parse is no such page.
     * Ordered before the API's problem-detail advice, which would otherwise answer pages with JSON.
     */
    @ControllerAdvice(assignableTypes = CommentActions.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class CommentPageErrors extends PageErrors {

        @ExceptionHandler(ProblemException.class)
        void rule(ProblemException ex, HttpServletResponse response) throws IOException {
            int status = ex.status().value();
            response.sendError(status == 404 || status == 403 ? status : 409);
        }
    }
}
