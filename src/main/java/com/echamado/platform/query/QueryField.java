package com.echamado.platform.query;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field that API users may filter or order by: the public {@code name} (matched case-insensitively), the SQL
 * {@code column} it maps to (a trusted, developer-written identifier such as {@code t.created_at}, the only text besides
 * fixed operators that reaches the SQL) and its {@code type}. {@code values} lists the allowed values of an
 * {@link FieldType#ENUM} field and is empty for every other type.
 */
public record QueryField(String name, String column, FieldType type, List<String> values) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    public QueryField {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Field name must match " + NAME + ": " + name);
        }
        if (column == null || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("Column must be a plain or qualified SQL identifier: " + column);
        }
        values = List.copyOf(values);
        if ((type == FieldType.ENUM) == values.isEmpty()) {
            throw new IllegalArgumentException("Only an ENUM field has, and must have, allowed values: " + name);
        }
    }

    /** A field of any type but {@link FieldType#ENUM}. */
    public QueryField(String name, String column, FieldType type) {
        this(name, column, type, List.of());
    }

    /** An {@link FieldType#ENUM} field restricted to {@code values}. */
    public static QueryField enumeration(String name, String column, List<String> values) {
        return new QueryField(name, column, FieldType.ENUM, values);
    }
}
