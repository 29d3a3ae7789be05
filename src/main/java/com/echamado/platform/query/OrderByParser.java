package com.echamado.platform.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses {@code field [asc|desc], field2 desc}: allow-listed fields, ascending by default, at most five terms. */
final class OrderByParser {

    private final String input;
    private final Map<String, QueryField> fields;
    private int pos;

    OrderByParser(String input, Map<String, QueryField> fields) {
        this.input = input;
        this.fields = fields;
    }

    SqlOrder parse() {
        List<SqlOrder.Key> keys = new ArrayList<>();
        Set<QueryField> seen = new HashSet<>();
        int separator = -1;
        while (true) {
            int fieldStart = skipWhitespace();
            String name = word();
            if (name.isEmpty()) {
                throw separator < 0 || pos < input.length() && input.charAt(pos) != ','
                        ? error("Expected a field name but found '" + tokenAt(pos) + "'", pos, tokenAt(pos))
                        : error("',' must be followed by a field name", separator, ",");
            }
            QueryField field = fields.get(name.toLowerCase(Locale.ROOT));
            if (field == null) {
                throw error("Unknown field '" + name + "'; allowed: " + String.join(", ", names()), fieldStart, name);
            }
            if (!seen.add(field)) {
                throw error("Field '" + name + "' is ordered by twice", fieldStart, name);
            }
            if (keys.size() == Gridify.MAX_ORDER_FIELDS) {
                throw error("At most " + Gridify.MAX_ORDER_FIELDS + " ordering fields are allowed", fieldStart, name);
            }
            keys.add(new SqlOrder.Key(field, direction()));
            skipWhitespace();
            if (pos == input.length()) {
                return new SqlOrder(keys);
            }
            if (input.charAt(pos) != ',') {
                throw error("Expected ',' but found '" + tokenAt(pos) + "'", pos, tokenAt(pos));
            }
            separator = pos++;
        }
    }

    private boolean direction() {
        int start = skipWhitespace();
        if (pos == input.length() || input.charAt(pos) == ',') {
            return false;
        }
        String word = word();
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default ->
                throw error("Expected 'asc' or 'desc' but found '" + tokenAt(start) + "'", start, tokenAt(start));
        };
    }

    /** Reads a field-like word at the cursor; empty when none starts there. */
    private String word() {
        int start = pos;
        if (pos < input.length() && Character.isLetter(input.charAt(pos))) {
            while (pos < input.length() && FilterParser.isWordChar(input.charAt(pos))) {
                pos++;
            }
        }
        return input.substring(start, pos);
    }

    private String tokenAt(int at) {
        if (at >= input.length()) {
            return "";
        }
        int end = at;
        while (end < input.length() && FilterParser.isWordChar(input.charAt(end))) {
            end++;
        }
        return end == at ? input.substring(at, at + 1) : input.substring(at, end);
    }

    private int skipWhitespace() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private List<String> names() {
        return fields.values().stream().map(QueryField::name).toList();
    }

    private static QuerySyntaxException error(String reason, int at, String token) {
        return new QuerySyntaxException(reason, at, token);
    }
}
