package com.echamado.platform.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive-descent parser for Gridify filters: {@code or := and ('|' and)*}, {@code and := primary (',' primary)*},
 * {@code primary := '(' or ')' | field operator value ['/i']}. Values run to the next unescaped {@code , | ( )} or
 * {@code /i}; a backslash makes the next character literal. Errors point at the offending token.
 */
final class FilterParser {

    private final String input;
    private final Map<String, QueryField> fields;
    private int pos;

    FilterParser(String input, Map<String, QueryField> fields) {
        this.input = input;
        this.fields = fields;
    }

    Node parse() {
        Node node = parseOr(0);
        skipWhitespace();
        if (pos < input.length()) {
            throw input.charAt(pos) == ')'
                    ? error("Unmatched ')'", pos)
                    : error("Expected ',' or '|' but found '" + tokenAt(pos) + "'", pos);
        }
        return node;
    }

    private Node parseOr(int depth) {
        List<Node> operands = new ArrayList<>(List.of(parseAnd(depth)));
        while (skipWhitespace() && input.charAt(pos) == '|') {
            expectOperandAfter(pos++);
            operands.add(parseAnd(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Node.Or(operands);
    }

    private Node parseAnd(int depth) {
        List<Node> operands = new ArrayList<>(List.of(parsePrimary(depth)));
        while (skipWhitespace() && input.charAt(pos) == ',') {
            expectOperandAfter(pos++);
            operands.add(parsePrimary(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Node.And(operands);
    }

    /** A connector ({@code ,} or {@code |}) at {@code connector} must be followed by a condition. */
    private void expectOperandAfter(int connector) {
        if (!skipWhitespace() || ",|)".indexOf(input.charAt(pos)) >= 0) {
            throw error("'" + input.charAt(connector) + "' must be followed by a condition", connector);
        }
    }

    private Node parsePrimary(int depth) {
        if (!skipWhitespace()) {
            throw new QuerySyntaxException("Expected a condition", pos, "");
        }
        if (input.charAt(pos) != '(') {
            return parseCondition();
        }
        int open = pos++;
        if (depth + 1 > Gridify.MAX_DEPTH) {
            throw error("Parentheses are nested deeper than " + Gridify.MAX_DEPTH + " levels", open);
        }
        if (!skipWhitespace()) {
            throw error("Unclosed '('", open);
        }
        Node inner = parseOr(depth + 1);
        if (!skipWhitespace()) {
            throw error("Unclosed '('", open);
        }
        if (input.charAt(pos) != ')') {
            throw error("Expected ',', '|' or ')' but found '" + tokenAt(pos) + "'", pos);
        }
        pos++;
        return inner;
    }

    private Node parseCondition() {
        int fieldStart = pos;
        if (!Character.isLetter(input.charAt(pos))) {
            throw error("Expected a field name but found '" + tokenAt(pos) + "'", pos);
        }
        String name = tokenAt(pos);
        pos += name.length();
        QueryField field = fields.get(name.toLowerCase(Locale.ROOT));
        if (field == null) {
            throw error("Unknown field '" + name + "'; allowed: " + allowedNames(), fieldStart);
        }
        skipWhitespace();
        int operatorStart = pos;
        Operator operator = Operator.at(input, pos);
        if (operator == null) {
            String found = pos < input.length() ? " but found '" + tokenAt(pos) + "'" : "";
            throw error("Expected an operator after '" + name + "'" + found, pos);
        }
        if (!field.type().allows(operator)) {
            throw error(
                    "Operator '" + operator.symbol + "' cannot be used with the "
                            + field.type().name().toLowerCase(Locale.ROOT) + " field '" + field.name() + "'",
                    operatorStart);
        }
        pos += operator.symbol.length();
        return parseValue(field, operator, operatorStart);
    }

    private Node parseValue(QueryField field, Operator operator, int operatorStart) {
        skipWhitespace();
        int start = pos;
        int rawEnd = pos;
        StringBuilder text = new StringBuilder();
        int kept = 0;
        boolean escaped = false;
        while (pos < input.length() && !endsValue(pos)) {
            char c = input.charAt(pos);
            if (c == '\\') {
                if (pos + 1 == input.length()) {
                    throw error("A backslash must be followed by the character it escapes", pos);
                }
                c = input.charAt(++pos);
                escaped = true;
            }
            text.append(c);
            pos++;
            if (escaped || !Character.isWhitespace(c)) {
                rawEnd = pos;
                kept = text.length();
            }
            escaped = false;
        }
        String raw = input.substring(start, rawEnd);
        boolean caseInsensitive = input.startsWith("/i", pos);
        if (caseInsensitive) {
            if (field.type() != FieldType.TEXT && field.type() != FieldType.ENUM) {
                throw new QuerySyntaxException(
                        "'/i' applies only to text fields, not to '" + field.name() + "'", pos, "/i");
            }
            pos += 2;
        }
        if (raw.isEmpty()) {
            if (!operator.acceptsEmptyValue()) {
                throw error("Operator '" + operator.symbol + "' needs a value", operatorStart);
            }
            return new Node.Condition(field, operator, null, false, false);
        }
        if (operator.acceptsEmptyValue() && raw.equals("null")) {
            return new Node.Condition(field, operator, null, true, false);
        }
        Object value = Values.convert(field, text.substring(0, kept), start, raw);
        boolean lower = caseInsensitive && field.type() == FieldType.TEXT;
        if (lower) {
            value = ((String) value).toLowerCase(Locale.ROOT);
        }
        return new Node.Condition(field, operator, value, false, lower);
    }

    private boolean endsValue(int at) {
        char c = input.charAt(at);
        return c == ',' || c == '|' || c == '(' || c == ')' || input.startsWith("/i", at);
    }

    /** Skips whitespace and tells whether any input is left. */
    private boolean skipWhitespace() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
        return pos < input.length();
    }

    /** The token starting at {@code at}: a word, an operator or a single character; empty at the end. */
    private String tokenAt(int at) {
        if (at >= input.length()) {
            return "";
        }
        if (Character.isLetterOrDigit(input.charAt(at))) {
            int end = at;
            while (end < input.length() && isWordChar(input.charAt(end))) {
                end++;
            }
            return input.substring(at, end);
        }
        Operator operator = Operator.at(input, at);
        return operator != null ? operator.symbol : input.substring(at, at + 1);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private String allowedNames() {
        return String.join(", ", fields.values().stream().map(QueryField::name).toList());
    }

    private QuerySyntaxException error(String reason, int at) {
        return new QuerySyntaxException(reason, at, tokenAt(at));
    }
}
