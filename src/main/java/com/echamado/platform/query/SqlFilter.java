package com.echamado.platform.query;

import java.util.List;

/**
 * A parameterised SQL boolean expression: {@code sql} contains only allow-listed columns, fixed operators and JDBC
 * {@code ?} placeholders, bound in order to {@code parameters} (String, Long, BigDecimal, UUID, OffsetDateTime or
 * Boolean; never null). The expression is self-contained (parenthesised when compound), so it can be appended as
 * {@code "... WHERE <access rule> AND " + filter.sql()} without changing the access rule.
 */
public record SqlFilter(String sql, List<Object> parameters) {

    /** Matches every row: what an absent or blank filter means. */
    public static final SqlFilter ALL = new SqlFilter("TRUE", List.of());

    public SqlFilter {
        parameters = List.copyOf(parameters);
    }
}
