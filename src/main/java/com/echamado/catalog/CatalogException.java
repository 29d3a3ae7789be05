package com.echamado.catalog;

/** A catalog rule was broken; {@link #field()} names the input at fault and {@link #usage()} counts users. */
public class CatalogException extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final long usage;

    CatalogException(Kind kind, String code, String field, String message, long usage) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.usage = usage;
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

    static CatalogException conflict(String code, String field, String message) {
        return new CatalogException(Kind.CONFLICT, code, field, message, 0);
    }

    static CatalogException invalid(String field, String message) {
        return new CatalogException(Kind.INVALID, "invalid", field, message, 0);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public long usage() {
        return usage;
    }
}
