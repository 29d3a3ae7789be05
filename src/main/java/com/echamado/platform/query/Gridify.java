package com.echamado.platform.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Translates untrusted filter and ordering expressions in the Gridify syntax (see {@code docs/filter-syntax.md}) into
 * parameterised SQL for PostgreSQL, restricted to an allow-list of {@link QueryField}s. User values only ever become
 * JDBC parameters; the SQL text holds allow-listed columns, fixed operators and {@code ?} placeholders.
 */
public final class Gridify {

    /** Longest filter or ordering expression accepted, in characters. */
    public static final int MAX_LENGTH = 2_000;
    /** Deepest nesting of parentheses accepted. */
    public static final int MAX_DEPTH = 10;
    /** Most ordering terms accepted. */
    public static final int MAX_ORDER_FIELDS = 5;

    private Gridify() {}

    /**
     * A filter such as {@code status=OPEN,(title=*printer/i|number>100)}; null or blank gives {@link SqlFilter#ALL}.
     *
     * @throws QuerySyntaxException pointing at the first offending token
     */
    public static SqlFilter filter(String expression, Collection<QueryField> allowed) {
        Map<String, QueryField> fields = index(allowed);
        if (expression == null || expression.isBlank()) {
            return SqlFilter.ALL;
        }
        checkInput(expression);
        return SqlWriter.write(new FilterParser(expression, fields).parse());
    }

    /**
     * An ordering such as {@code createdAt desc, title}; null or blank gives {@link SqlOrder#NONE}.
     *
     * @throws QuerySyntaxException pointing at the first offending token
     */
    public static SqlOrder orderBy(String expression, Collection<QueryField> allowed) {
        Map<String, QueryField> fields = index(allowed);
        if (expression == null || expression.isBlank()) {
            return SqlOrder.NONE;
        }
        checkInput(expression);
        return new OrderByParser(expression, fields).parse();
    }

    static Map<String, QueryField> index(Collection<QueryField> allowed) {
        Map<String, QueryField> fields = new LinkedHashMap<>();
        for (QueryField field : allowed) {
            if (fields.putIfAbsent(field.name().toLowerCase(Locale.ROOT), field) != null) {
                throw new IllegalArgumentException("Field declared twice: " + field.name());
            }
        }
        return fields;
    }

    private static void checkInput(String expression) {
        if (expression.length() > MAX_LENGTH) {
            throw new QuerySyntaxException("Expression is longer than " + MAX_LENGTH + " characters", MAX_LENGTH, "");
        }
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
                throw new QuerySyntaxException(
                        "Control character U+%04X is not allowed".formatted((int) c), i, String.valueOf(c));
            }
        }
    }
}
