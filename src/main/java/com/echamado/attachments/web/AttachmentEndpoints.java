package com.echamado.attachments.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;

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

/**
 * Who may call the attachments endpoints: whoever is signed in (per-ticket and per-file rights are the facade's);
 * everything else stays denied. The pages' errors go to the error page.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentEndpoints {

    @Bean
    EndpointRules attachmentEndpointRules() {
        return EndpointRules.of(
                "attachments",
                get("/api/v1/tickets/{ticketId}/attachments", Access.AUTHENTICATED),
                post("/api/v1/tickets/{ticketId}/attachments", Access.AUTHENTICATED),
                get("/api/v1/tickets/{ticketId}/attachments/{attachmentId}", Access.AUTHENTICATED),
                get("/api/v1/tickets/{ticketId}/attachments/{attachmentId}/content", Access.AUTHENTICATED),
                delete("/api/v1/tickets/{ticketId}/attachments/{attachmentId}", Access.AUTHENTICATED),
                post("/tickets/{number}/attachments", Access.AUTHENTICATED),
                get("/tickets/{number}/attachments/{id}", Access.AUTHENTICATED),
                post("/tickets/{number}/attachments/{id}/delete", Access.AUTHENTICATED));
    }

    /** A hidden ticket or file is 404 on the pages, another refusal 403 or 409, ahead of the API's JSON problems. */
    @ControllerAdvice(assignableTypes = AttachmentActions.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class AttachmentPageErrors extends PageErrors {

        @ExceptionHandler(ProblemException.class)
        void rule(ProblemException ex, HttpServletResponse response) throws IOException {
            int status = ex.status().value();
            response.sendError(status == 404 || status == 403 ? status : 409);
        }
    }
}
