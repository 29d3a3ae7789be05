package com.echamado.notifications.web;

import static com.echamado.platform.security.EndpointRule.delete;
import static com.echamado.platform.security.EndpointRule.get;
import static com.echamado.platform.security.EndpointRule.post;

import com.echamado.notifications.WebhookException;
import com.echamado.platform.security.Access;
import com.echamado.platform.security.EndpointRules;
import com.echamado.platform.web.ApiProblems;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Who may call the notification endpoints (administrators only), and how webhook errors look. */
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

    @RestControllerAdvice(assignableTypes = WebhooksApi.class)
    static class WebhookProblems {

        @ExceptionHandler(WebhookException.class)
        ResponseEntity<ProblemDetail> webhook(WebhookException ex) {
            if (ex.notFound()) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
            }
            return ResponseEntity.badRequest()
                    .body(ApiProblems.validation(List.of(ApiProblems.fieldError(ex.field(), ex.getMessage()))));
        }
    }
}
