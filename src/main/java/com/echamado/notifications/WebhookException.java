package com.echamado.notifications;

import com.echamado.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A webhook request was refused: unknown webhook (404), or an invalid field (400). */
public class WebhookException extends ProblemException {

    private WebhookException(HttpStatus status, String code, String field, String message) {
        super(status, code, field, message);
    }

    static WebhookException notFound(Object id) {
        return new WebhookException(HttpStatus.NOT_FOUND, "webhook-not-found", null, "No webhook " + id);
    }

    static WebhookException invalid(String field, String message) {
        return new WebhookException(HttpStatus.BAD_REQUEST, "invalid", field, message);
    }
}
