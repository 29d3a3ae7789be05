package com.echamado.platform.query;

import static com.echamado.platform.query.Operator.EQUALS;
import static com.echamado.platform.query.Operator.GREATER;
import static com.echamado.platform.query.Operator.GREATER_OR_EQUAL;
import static com.echamado.platform.query.Operator.LESS;
import static com.echamado.platform.query.Operator.LESS_OR_EQUAL;
import static com.echamado.platform.query.Operator.NOT_EQUALS;

import java.util.EnumSet;
import java.util.Set;

/** The type of a filterable field: it decides how a value is parsed and which operators apply. */
public enum FieldType {
    /** Any text; every operator, {@code /i} allowed. {@code <} and {@code >} compare in the column's collation. */
    TEXT(EnumSet.allOf(Operator.class)),
    /** An integer (bound as {@code Long}) or a decimal such as {@code -12.50} (bound as {@code BigDecimal}). */
    NUMBER(EnumSet.of(EQUALS, NOT_EQUALS, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL)),
    /** A canonical 8-4-4-4-12 hexadecimal UUID, bound as {@code java.util.UUID}. */
    UUID(EnumSet.of(EQUALS, NOT_EQUALS)),
    /** An ISO-8601 date ({@code 2024-05-01}, start of that day in UTC) or date-time; bound as UTC OffsetDateTime. */
    DATE_TIME(EnumSet.of(EQUALS, NOT_EQUALS, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL)),
    /** {@code true} or {@code false}, in any case. */
    BOOLEAN(EnumSet.of(EQUALS, NOT_EQUALS)),
    /** One of the field's declared values, matched case-insensitively and bound as the declared spelling. */
    ENUM(EnumSet.of(EQUALS, NOT_EQUALS));

    private final Set<Operator> operators;

    FieldType(Set<Operator> operators) {
        this.operators = operators;
    }

    boolean allows(Operator operator) {
        return operators.contains(operator);
    }
}
