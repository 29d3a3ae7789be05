package com.echamado.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A broken business rule that the API answers as an RFC 9457 problem: its HTTP status, a stable {@code code} (the
 * problem type), the input {@code field} at fault (400s become field-level errors) and optional extra properties.
 * Each module's named exceptions extend it; {@link ApiProblems} maps them all the same way.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(HttpStatus status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
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

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
