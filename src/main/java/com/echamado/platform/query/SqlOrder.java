package com.echamado.platform.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An ORDER BY fragment without the keywords, such as {@code t.created_at DESC, t.title ASC}, made only of allow-listed
 * columns; {@code keys} are the same terms in order, for building a keyset cursor. Empty when no ordering was asked
 * for: the caller applies its default, and should append a unique tiebreaker for stable pages.
 */
public record SqlOrder(List<Key> keys) {

    public static final SqlOrder NONE = new SqlOrder(List.of());

    public SqlOrder {
        keys = List.copyOf(keys);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public String sql() {
        return keys.stream().map(Key::sql).collect(Collectors.joining(", "));
    }

    /** One ordering term. */
    public record Key(QueryField field, boolean descending) {

        public String sql() {
            return field.column() + (descending ? " DESC" : " ASC");
        }
    }
}
