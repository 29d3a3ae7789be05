package com.echamado.platform.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a parsed filter as SQL. The text holds only allow-listed columns, fixed operators and {@code ?}; every user
 * value becomes a parameter. Negative operators ({@code != !* !^ !$}) also match NULL, as Gridify's C# semantics do.
 */
final class SqlWriter {

    private static final String ESCAPE = " ESCAPE '\\'";

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private SqlWriter() {}

    static SqlFilter write(Node node) {
        SqlWriter writer = new SqlWriter();
        writer.node(node);
        return new SqlFilter(writer.sql.toString(), writer.parameters);
    }

    private void node(Node node) {
        if (node instanceof Node.And and) {
            group(and.operands(), " AND ");
        } else if (node instanceof Node.Or or) {
            group(or.operands(), " OR ");
        } else {
            condition((Node.Condition) node);
        }
    }

    private void group(List<Node> operands, String connector) {
        sql.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sql.append(connector);
            }
            node(operands.get(i));
        }
        sql.append(')');
    }

    private void condition(Node.Condition condition) {
        String column = condition.field().column();
        boolean text = condition.field().type() == FieldType.TEXT;
        boolean equals = condition.operator() == Operator.EQUALS;
        if (condition.nullLiteral()) {
            sql.append(column).append(equals ? " IS NULL" : " IS NOT NULL");
        } else if (condition.value() == null && text) {
            String template = equals ? "(%1$s IS NULL OR %1$s = '')" : "(%1$s IS NOT NULL AND %1$s <> '')";
            sql.append(template.formatted(column));
        } else if (condition.value() == null) {
            sql.append(column).append(equals ? " IS NULL" : " IS NOT NULL");
        } else {
            comparison(condition, column);
        }
    }

    private void comparison(Node.Condition condition, String column) {
        String operand = condition.caseInsensitive() ? "lower(" + column + ")" : column;
        Object value = condition.value();
        switch (condition.operator()) {
            case EQUALS -> binary(operand, " = ?", value);
            case NOT_EQUALS -> binary(operand, " IS DISTINCT FROM ?", value);
            case LESS -> binary(operand, " < ?", value);
            case GREATER -> binary(operand, " > ?", value);
            case LESS_OR_EQUAL -> binary(operand, " <= ?", value);
            case GREATER_OR_EQUAL -> binary(operand, " >= ?", value);
            case CONTAINS -> binary(operand, " LIKE ?" + ESCAPE, "%" + like(value) + "%");
            case STARTS_WITH -> binary(operand, " LIKE ?" + ESCAPE, like(value) + "%");
            case ENDS_WITH -> binary(operand, " LIKE ?" + ESCAPE, "%" + like(value));
            case NOT_CONTAINS -> notLike(column, operand, "%" + like(value) + "%");
            case NOT_STARTS_WITH -> notLike(column, operand, like(value) + "%");
            case NOT_ENDS_WITH -> notLike(column, operand, "%" + like(value));
        }
    }

    private void binary(String operand, String operator, Object value) {
        sql.append(operand).append(operator);
        parameters.add(value);
    }

    private void notLike(String column, String operand, String pattern) {
        sql.append('(').append(column).append(" IS NULL OR ");
        binary(operand, " NOT LIKE ?" + ESCAPE, pattern);
        sql.append(')');
    }

    /** Makes {@code %}, {@code _} and {@code \} in a user value match literally under {@code ESCAPE '\'}. */
    static String like(Object value) {
        return value.toString().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
