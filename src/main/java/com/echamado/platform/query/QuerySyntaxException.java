package com.echamado.platform.query;

/**
 * A filter or ordering expression that does not parse or names something not allowed. {@link #position()} is the
 * 0-based index of the offending {@link #token()} in the input, so that an API can answer 400 pointing at it.
 */
public class QuerySyntaxException extends RuntimeException {

    private final int position;
    private final String token;
    private final String reason;

    public QuerySyntaxException(String reason, int position, String token) {
        super(reason + " (at position " + position + ")");
        this.reason = reason;
        this.position = position;
        this.token = token;
    }

    /** 0-based index into the expression where the offending token starts. */
    public int position() {
        return position;
    }

    /** The offending text as written, empty when the expression ended too early. */
    public String token() {
        return token;
    }

    /** The human-readable explanation without the position. */
    public String reason() {
        return reason;
    }
}
