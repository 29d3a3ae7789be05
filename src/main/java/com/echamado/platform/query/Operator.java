package com.echamado.platform.query;

/** The Gridify comparison operators, each rendered to a fixed SQL operator by {@link SqlWriter}. */
enum Operator {
    EQUALS("="),
    NOT_EQUALS("!="),
    LESS("<"),
    GREATER(">"),
    LESS_OR_EQUAL("<="),
    GREATER_OR_EQUAL(">="),
    CONTAINS("=*"),
    NOT_CONTAINS("!*"),
    STARTS_WITH("^"),
    NOT_STARTS_WITH("!^"),
    ENDS_WITH("$"),
    NOT_ENDS_WITH("!$");

    final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator written at {@code position}, preferring two-character symbols ({@code =*} over {@code =}). */
    static Operator at(String input, int position) {
        Operator single = null;
        for (Operator operator : values()) {
            if (input.startsWith(operator.symbol, position)) {
                if (operator.symbol.length() == 2) {
                    return operator;
                }
                single = operator;
            }
        }
        return single;
    }

    boolean acceptsEmptyValue() {
        return this == EQUALS || this == NOT_EQUALS;
    }
}
