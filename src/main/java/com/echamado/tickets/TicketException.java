package com.echamado.tickets;

import com.echamado.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A ticket rule was broken. {@link #field()} names the input at fault, if any. */
public class TicketException extends ProblemException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID,
        FORBIDDEN,
        STALE,
        PRECONDITION_REQUIRED,
        UNPROCESSABLE
    }

    private final Kind kind;

    TicketException(Kind kind, String code, String field, String message) {
        this(kind, code, field, message, null);
    }

    private TicketException(Kind kind, String code, String field, String message, String messageCode) {
        super(status(kind), code, field, message, messageCode);
        this.kind = kind;
    }

    static TicketException notFound(Object id) {
        return new TicketException(Kind.NOT_FOUND, "ticket-not-found", null, "No ticket " + id);
    }

    /** A refused change; its message is {@code ticket.rejected.<code>} in the bundles. */
    static TicketException conflict(String code, String message) {
        return new TicketException(Kind.CONFLICT, code, null, message, "ticket.rejected." + code);
    }

    static TicketException invalid(String field, String message) {
        return new TicketException(Kind.INVALID, "invalid", field, message);
    }

    static TicketException forbidden(String message) {
        return new TicketException(Kind.FORBIDDEN, "not-allowed", null, message);
    }

    public static TicketException stale(long current) {
        return new TicketException(
                Kind.STALE, "stale", null, "The ticket changed meanwhile (now version " + current + "); reload it");
    }

    public static TicketException preconditionRequired() {
        return new TicketException(
                Kind.PRECONDITION_REQUIRED, "if-match-required", null, "Send If-Match with the ticket's ETag");
    }

    public static TicketException keyReused() {
        return new TicketException(
                Kind.UNPROCESSABLE,
                "idempotency-key-reused",
                null,
                "This Idempotency-Key was used with another request");
    }

    public static TicketException keyInFlight() {
        return new TicketException(
                Kind.CONFLICT,
                "idempotency-key-in-flight",
                null,
                "A request with this Idempotency-Key is still running");
    }

    private static HttpStatus status(Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    public Kind kind() {
        return kind;
    }
}
