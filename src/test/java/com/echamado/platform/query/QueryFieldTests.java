package com.echamado.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryFieldTests {

    @ParameterizedTest
    @ValueSource(strings = {"title) or (1=1", "t.title;", "lower(t.title)", "t.title --", "a.b.c", "1col", ""})
    void columnMustBeAPlainOrQualifiedIdentifier(String column) {
        assertThatIllegalArgumentException().isThrownBy(() -> new QueryField("title", column, FieldType.TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "ti tle", "title=", "_x"})
    void nameMustBeAFieldToken(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new QueryField(name, "t.title", FieldType.TEXT));
    }

    @Test
    void onlyEnumFieldsHaveAllowedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QueryField("status", "t.status", FieldType.ENUM));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueryField("title", "t.title", FieldType.TEXT, List.of("A")));
        assertThat(QueryField.enumeration("status", "status", List.of("OPEN")).values())
                .containsExactly("OPEN");
    }

    @Test
    void rejectsTwoFieldsWithTheSameNameIgnoringCase() {
        List<QueryField> allowed = List.of(
                new QueryField("title", "t.title", FieldType.TEXT), new QueryField("Title", "t.name", FieldType.TEXT));

        assertThatIllegalArgumentException().isThrownBy(() -> Gridify.filter("title=a", allowed));
    }
}
