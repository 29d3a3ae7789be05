package com.echamado.platform.query;

import static com.echamado.platform.query.QueryFixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GridifyFilterTests {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void absentOrBlankFilterMatchesEverything(String expression) {
        assertThat(filter(expression)).isEqualTo(new SqlFilter("TRUE", List.of()));
    }

    @ParameterizedTest(name = "title{0}abc")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "=;  t.title = ?;                                  abc",
                "!=; t.title IS DISTINCT FROM ?;                   abc",
                "<;  t.title < ?;                                  abc",
                ">;  t.title > ?;                                  abc",
                "<=; t.title <= ?;                                 abc",
                ">=; t.title >= ?;                                 abc",
                "=*; t.title LIKE ? ESCAPE '\\';                   %abc%",
                "!*; (t.title IS NULL OR t.title NOT LIKE ? ESCAPE '\\'); %abc%",
                "^;  t.title LIKE ? ESCAPE '\\';                   abc%",
                "!^; (t.title IS NULL OR t.title NOT LIKE ? ESCAPE '\\'); abc%",
                "$;  t.title LIKE ? ESCAPE '\\';                   %abc",
                "!$; (t.title IS NULL OR t.title NOT LIKE ? ESCAPE '\\'); %abc",
            })
    void everyOperatorAppliesToText(String operator, String sql, String parameter) {
        SqlFilter result = filter("title" + operator + "abc");

        assertThat(result.sql()).isEqualTo(sql);
        assertThat(result.parameters()).containsExactly(parameter);
    }

    @ParameterizedTest(name = "number{0}42")
    @CsvSource({"=, =", "!=, IS DISTINCT FROM", "<, <", ">, >", "<=, <=", ">=, >="})
    void comparisonOperatorsApplyToNumbers(String operator, String sqlOperator) {
        SqlFilter result = filter("number" + operator + "42");

        assertThat(result.sql()).isEqualTo("t.number " + sqlOperator + " ?");
        assertThat(result.parameters()).containsExactly(42L);
    }

    @Test
    void decimalNumbersBindAsBigDecimalAndIntegersAsLong() {
        assertThat(filter("rating>=4.5").parameters()).containsExactly(new BigDecimal("4.5"));
        assertThat(filter("rating<-3").parameters()).containsExactly(-3L);
        assertThat(filter("number=123456789012345678901234").parameters())
                .containsExactly(new BigDecimal("123456789012345678901234"));
    }

    @Test
    void datesMeanStartOfDayInUtcAndDateTimesAreNormalisedToUtc() {
        assertThat(filter("createdAt>=2024-05-01").parameters())
                .containsExactly(OffsetDateTime.parse("2024-05-01T00:00:00Z"));
        assertThat(filter("createdAt<2024-05-01T10:15:30+02:00").parameters())
                .containsExactly(OffsetDateTime.parse("2024-05-01T08:15:30Z"));
        assertThat(filter("dueAt>2024-05-01T10:15").parameters())
                .containsExactly(OffsetDateTime.parse("2024-05-01T10:15:00Z"));
        assertThat(filter("dueAt<=2024-05-01T10:15:30.5Z").sql()).isEqualTo("t.due_at <= ?");
    }

    @Test
    void uuidsBooleansAndEnumsSupportEqualityWithTypedParameters() {
        UUID department = UUID.fromString("6f1c1b7e-3c1a-4d8e-9a57-2f0e5c1d9b10");

        assertThat(filter("department=" + department).parameters()).containsExactly(department);
        assertThat(filter("department!=" + department).sql()).isEqualTo("t.department_id IS DISTINCT FROM ?");
        assertThat(filter("overdue=TRUE").parameters()).containsExactly(true);
        assertThat(filter("overdue!=false").parameters()).containsExactly(false);
        assertThat(filter("status=in_progress").parameters()).containsExactly("IN_PROGRESS");
        assertThat(filter("STATUS!=Closed").sql()).isEqualTo("t.status IS DISTINCT FROM ?");
    }

    @Test
    void fieldNamesMatchCaseInsensitively() {
        assertThat(filter("CreatedAT>2024-01-01").sql()).isEqualTo("t.created_at > ?");
    }

    @Test
    void andBindsTighterThanOr() {
        SqlFilter result = filter("number=1,title=b|number=3");

        assertThat(result.sql()).isEqualTo("((t.number = ? AND t.title = ?) OR t.number = ?)");
        assertThat(result.parameters()).containsExactly(1L, "b", 3L);
        assertThat(filter("number=1|number=2,title=c").sql())
                .isEqualTo("(t.number = ? OR (t.number = ? AND t.title = ?))");
    }

    @Test
    void parenthesesGroupAndNest() {
        SqlFilter result = filter("(number=1|number=2),(title^a|(title$b,overdue=true))");

        assertThat(result.sql())
                .isEqualTo("((t.number = ? OR t.number = ?) AND (t.title LIKE ? ESCAPE '\\'"
                        + " OR (t.title LIKE ? ESCAPE '\\' AND t.overdue = ?)))");
        assertThat(result.parameters()).containsExactly(1L, 2L, "a%", "%b", true);
    }

    @Test
    void whitespaceAroundFieldsOperatorsAndConnectorsIsIgnored() {
        SqlFilter result = filter("  ( title =* printer ,  number > 10 ) | status = open  ");

        assertThat(result.sql()).isEqualTo("((t.title LIKE ? ESCAPE '\\' AND t.number > ?) OR t.status = ?)");
        assertThat(result.parameters()).containsExactly("%printer%", 10L, "OPEN");
    }

    @Test
    void valuesKeepInnerSpaces() {
        assertThat(filter("title=no  network here ").parameters()).containsExactly("no  network here");
    }

    @Test
    void caseInsensitiveSuffixLowersColumnAndValue() {
        assertThat(filter("title=Printer/i")).isEqualTo(sql("lower(t.title) = ?", "printer"));
        assertThat(filter("title=*PRINTER/i,number=1"))
                .isEqualTo(sql("(lower(t.title) LIKE ? ESCAPE '\\' AND t.number = ?)", "%printer%", 1L));
        assertThat(filter("title!^Re: /i"))
                .isEqualTo(sql("(t.title IS NULL OR lower(t.title) NOT LIKE ? ESCAPE '\\')", "re:%"));
        assertThat(filter("status=open/i")).isEqualTo(sql("t.status = ?", "OPEN"));
    }

    @Test
    void backslashEscapesSpecialCharactersInValues() {
        assertThat(filter("title=a\\,b\\|c\\(d\\)e\\/i\\\\f").parameters()).containsExactly("a,b|c(d)e/i\\f");
        assertThat(filter("title=path/to\\/index").parameters()).containsExactly("path/to/index");
        assertThat(filter("title=trailing\\ ").parameters()).containsExactly("trailing ");
    }

    @Test
    void unescapedSlashIBeforeMoreTextIsRejectedLikeGridify() {
        assertThatThrownBy(() -> filter("title=path/index")).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
            assertThat(e.position()).isEqualTo(12);
            assertThat(e.token()).isEqualTo("ndex");
        });
    }

    @Test
    void likeWildcardsInValuesMatchLiterally() {
        assertThat(filter("title=*50%_off\\\\").parameters()).containsExactly("%50\\%\\_off\\\\%");
        assertThat(filter("title^%").parameters()).containsExactly("\\%%");
    }

    @Test
    void emptyValueMatchesNullOrEmptyTextAndNullOtherwise() {
        assertThat(filter("title=")).isEqualTo(sql("(t.title IS NULL OR t.title = '')"));
        assertThat(filter("title!=")).isEqualTo(sql("(t.title IS NOT NULL AND t.title <> '')"));
        assertThat(filter("assignee=,status=open")).isEqualTo(sql("(t.assignee_id IS NULL AND t.status = ?)", "OPEN"));
        assertThat(filter("dueAt!= |number=1")).isEqualTo(sql("(t.due_at IS NOT NULL OR t.number = ?)", 1L));
    }

    @Test
    void nullLiteralTestsForNullAndCanBeEscapedToMeanTheWord() {
        assertThat(filter("dueAt=null")).isEqualTo(sql("t.due_at IS NULL"));
        assertThat(filter("assignee!=null")).isEqualTo(sql("t.assignee_id IS NOT NULL"));
        assertThat(filter("title=\\null")).isEqualTo(sql("t.title = ?", "null"));
        assertThat(filter("title=*null")).isEqualTo(sql("t.title LIKE ? ESCAPE '\\'", "%null%"));
    }

    private static SqlFilter sql(String sql, Object... parameters) {
        return new SqlFilter(sql, List.of(parameters));
    }
}
