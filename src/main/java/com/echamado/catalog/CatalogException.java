package com.echamado.catalog;

import com.echamado.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A catalog rule was broken; {@link #field()} names the input at fault and {@link #usage()} counts users. Refusals
 * ({@code CONFLICT}) have their message under {@code admin.catalog.error.<code>} in the bundles.
 */
public class CatalogException extends ProblemException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Kind kind;
    private final long usage;

    CatalogException(Kind kind, String code, String field, String message, long usage, Object... arguments) {
        super(
                status(kind),
                code,
                field,
                message,
                kind == Kind.CONFLICT ? "admin.catalog.error." + code : null,
                arguments);
        this.kind = kind;
        this.usage = usage;
        if (usage > 0) {
            with("tickets", usage);
        }
    }

    static CatalogException notFound(Object id) {
        return new CatalogException(Kind.NOT_FOUND, "catalog-entry-not-found", null, "No catalog entry " + id, 0);
    }

    static CatalogException nameTaken() {
        return new CatalogException(
                Kind.CONFLICT, "name-taken", "name", "An active entry with this name already exists here", 0);
    }

    static CatalogException inUse(long tickets) {
        return new CatalogException(
                Kind.CONFLICT,
                "entry-in-use",
                null,
                "The entry is used by " + tickets + " ticket(s); disable it instead",
                tickets);
    }

    /** A refusal whose bundle message takes {@code arguments} ({@code {0}}, …). */
    static CatalogException conflict(String code, String field, String message, Object... arguments) {
        return new CatalogException(Kind.CONFLICT, code, field, message, 0, arguments);
    }

    static CatalogException invalid(String field, String message) {
        return new CatalogException(Kind.INVALID, "invalid", field, message, 0);
    }

    private static HttpStatus status(Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }

    public Kind kind() {
        return kind;
    }

    public long usage() {
        return usage;
    }
}
