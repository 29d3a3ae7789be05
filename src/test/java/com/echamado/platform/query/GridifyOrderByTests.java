package com.echamado.platform.query;

import static com.echamado.platform.query.QueryFixtures.orderBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GridifyOrderByTests {

    @Test
    void ordersByAllowedFieldsAscendingByDefault() {
        SqlOrder order = orderBy("createdAt desc, title");

        assertThat(order.sql()).isEqualTo("t.created_at DESC, t.title ASC");
        assertThat(order.keys())
                .extracting(key -> key.field().name(), SqlOrder.Key::descending)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("createdAt", true),
                        org.assertj.core.groups.Tuple.tuple("title", false));
    }

    @Test
    void fieldNamesAndDirectionsAreCaseInsensitive() {
        assertThat(orderBy("  PRIORITY   DESC ,number ASC ").sql()).isEqualTo("t.priority DESC, t.number ASC");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void blankOrderingLeavesTheDefaultToTheCaller(String expression) {
        assertThat(orderBy(expression).isEmpty()).isTrue();
        assertThat(orderBy(expression).sql()).isEmpty();
    }

    @Test
    void acceptsUpToFiveFields() {
        assertThat(orderBy("number,title,status,priority,dueAt desc").keys()).hasSize(5);
    }

    @ParameterizedTest(name = "[{0}] fails at {1} on <{2}>")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "secret desc;                        0;  secret",
                "title up;                           6;  up",
                "title asc desc;                     10; desc",
                "title,;                             5;  ,",
                ",title;                             0;  ,",
                "title,,number;                      5;  ,",
                "-createdAt;                         0;  -",
                "title, title desc;                  7;  title",
                "number,title,status,priority,dueAt,createdAt; 35; createdAt",
                "\"title desc; drop table tickets\"; 10; \";\"",
                "title) desc;                        5;  )",
                "t.title;                            0;  t.title",
            })
    void invalidOrderingIsReportedAtTheOffendingToken(String expression, int position, String token) {
        QuerySyntaxException error = catchThrowableOfType(() -> orderBy(expression), QuerySyntaxException.class);

        assertThat(error).as("expected %s to be rejected", expression).isNotNull();
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.token()).isEqualTo(token);
    }

    @Test
    void rejectsOrderingsLongerThanTheLimit() {
        QuerySyntaxException error = catchThrowableOfType(
                () -> orderBy("title" + " ".repeat(Gridify.MAX_LENGTH)), QuerySyntaxException.class);

        assertThat(error.position()).isEqualTo(Gridify.MAX_LENGTH);
    }
}
