package com.echamado.platform.query;

import java.util.List;

/** The parsed filter: conditions combined with AND ({@code ,}) and OR ({@code |}). */
sealed interface Node {

    record And(List<Node> operands) implements Node {}

    record Or(List<Node> operands) implements Node {}

    /**
     * {@code field operator value}. {@code value} is the typed parameter, or null when the value is empty
     * ({@code title=}) or the {@code null} literal ({@code title=null}), told apart by {@code nullLiteral}.
     */
    record Condition(QueryField field, Operator operator, Object value, boolean nullLiteral, boolean caseInsensitive)
            implements Node {}
}
