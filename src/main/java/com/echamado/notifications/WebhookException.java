package com.echamado.notifications;

/** A webhook request was refused: unknown webhook, or an invalid field ({@link #field()}). */
public class WebhookException extends RuntimeException {

    private final String field;

    private WebhookException(String field, String message) {
        super(message);
        this.field = field;
    }

    static WebhookException notFound(Object id) {
        return new WebhookException(null, "No webhook " + id);
    }

    static WebhookException invalid(String field, String message) {
        return new WebhookException(field, message);
    }

    public boolean notFound() {
        return field == null;
    }

    public String field() {
        return field;
    }
}
