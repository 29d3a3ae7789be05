package com.echamado.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A broken business rule that the API answers as an RFC 9457 problem: its HTTP status, a stable {@code code} (the
 * problem type), the input {@code field} at fault (400s become field-level errors) and optional extra properties.
 * Each module's named exceptions extend it; {@link ApiProblems} maps them all the same way. A {@link #messageCode()}
 * names the message in the bundles (with {@link #messageArguments()}), so that the API and the pages say it in the
 * reader's language; the English {@link #getMessage()} is the fallback when there is none.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final String messageCode;
    private final Object[] messageArguments;

    protected ProblemException(HttpStatus status, String code, String field, String message) {
        this(status, code, field, message, null);
    }

    protected ProblemException(
            HttpStatus status, String code, String field, String message, String messageCode, Object... arguments) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.messageCode = messageCode;
        this.messageArguments = arguments.clone();
    }

    protected ProblemException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** The key of this problem's message in the bundles, or null when there is only the English message. */
    public String messageCode() {
        return messageCode;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
