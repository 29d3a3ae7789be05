package com.echamado.platform.query;

import static com.echamado.platform.query.QueryFixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridifyErrorTests {

    @ParameterizedTest(name = "[{0}] fails at {1} on <{2}>")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                // unbalanced parentheses
                "(title=a;                 0;  (;      Unclosed '('",
                "((title=a);               0;  (;      Unclosed '('",
                "(title=a|(number=1);      0;  (;      Unclosed '('",
                "title=a);                 7;  );      Unmatched ')'",
                "(title=a));               9;  );      Unmatched ')'",
                "();                       1;  );      Expected a field name but found ')'",
                "title=a(b;                7;  (;      Expected ',' or '|' but found '('",
                // missing operator
                "title;                    5;  \"\";   Expected an operator after 'title'",
                "title abc;                6;  abc;    Expected an operator after 'title' but found 'abc'",
                "title!abc;                5;  !;      Expected an operator after 'title' but found '!'",
                // missing value
                "title=*;                  5;  =*;     Operator '=*' needs a value",
                "number>,title=a;          6;  >;      Operator '>' needs a value",
                "(title^ );                6;  ^;      Operator '^' needs a value",
                // dangling connectors
                "title=a,;                 7;  ,;      ',' must be followed by a condition",
                "\"title=a,  \";           7;  ,;      ',' must be followed by a condition",
                "title=a,,number=1;        7;  ,;      ',' must be followed by a condition",
                "title=a|;                 7;  |;      '|' must be followed by a condition",
                "(title=a|);               8;  |;      '|' must be followed by a condition",
                "|title=a;                 0;  |;      Expected a field name but found '|'",
                ",title=a;                 0;  ,;      Expected a field name but found ','",
                // other malformed input
                "1=1;                      0;  1;      Expected a field name but found '1'",
                "=abc;                     0;  =;      Expected a field name but found '='",
                "title=a/ix;               9;  x;      Expected ',' or '|' but found 'x'",
                "title=abc\\;              9;  \\;     A backslash must be followed by the character it escapes",
            })
    void malformedInputIsReportedAtTheOffendingToken(String expression, int position, String token, String reason) {
        QuerySyntaxException error = rejection(expression);

        assertThat(error.position()).isEqualTo(position);
        assertThat(error.token()).isEqualTo(token);
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error).hasMessage(reason + " (at position " + position + ")");
    }

    @Test
    void unknownFieldIsNamedWithTheAllowedOnes() {
        assertThatThrownBy(() -> filter("title=a,requesterEmail=x@y"))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(8);
                    assertThat(e.token()).isEqualTo("requesterEmail");
                    assertThat(e.reason()).startsWith("Unknown field 'requesterEmail'; allowed: number, title,");
                });
    }

    @ParameterizedTest(name = "[{0}] fails at {1} on <{2}>")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "number=abc;                       7;  abc;                must be a number",
                "number=1e5;                       7;  1e5;                must be a number",
                "number=  12x ,title=a;            9;  12x;                must be a number",
                "rating>4.;                        7;  4.;                 must be a number",
                "department=not-a-uuid;            11; not-a-uuid;         must be a UUID",
                "assignee=6f1c1b7e3c1a4d8e9a572f0e5c1d9b10; 9; 6f1c1b7e3c1a4d8e9a572f0e5c1d9b10; must be a UUID",
                "createdAt>2024-13-01;             10; 2024-13-01;         must be an ISO-8601 date or date-time",
                "createdAt>yesterday;              10; yesterday;          must be an ISO-8601 date or date-time",
                "dueAt<2024-05-01 10:00;           6;  2024-05-01 10:00;   must be an ISO-8601 date or date-time",
                "overdue=yes;                      8;  yes;                must be true or false",
                "status=pending;                   7;  pending;            must be one of OPEN, IN_PROGRESS, RESOLVED, CLOSED",
                "priority=HIGH\\,URGENT;           9;  HIGH\\,URGENT;      must be one of LOW, NORMAL, HIGH, URGENT",
            })
    void valuesOfTheWrongTypeAreReportedAtTheValue(String expression, int position, String token, String reason) {
        QuerySyntaxException error = rejection(expression);

        assertThat(error.position()).isEqualTo(position);
        assertThat(error.token()).isEqualTo(token);
        assertThat(error.reason()).endsWith(reason);
    }

    @ParameterizedTest(name = "[{0}] fails at {1} on <{2}>")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "status>OPEN;      6;  >",
                "number=*1;        6;  =*",
                "number!$1;        6;  !$",
                "overdue^t;        7;  ^",
                "createdAt!*2024;  9;  !*",
                "department<=x;    10; <=",
            })
    void operatorsThatDoNotFitTheFieldTypeAreRejected(String expression, int position, String token) {
        QuerySyntaxException error = rejection(expression);

        assertThat(error.position()).isEqualTo(position);
        assertThat(error.token()).isEqualTo(token);
        assertThat(error.reason()).startsWith("Operator '" + token + "' cannot be used with the");
    }

    @Test
    void caseInsensitiveSuffixIsRejectedOnNonTextFields() {
        assertThatThrownBy(() -> filter("number=1/i")).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
            assertThat(e.position()).isEqualTo(8);
            assertThat(e.token()).isEqualTo("/i");
        });
    }

    @Test
    void rejectsExpressionsLongerThanTheLimit() {
        String atLimit = "title=" + "a".repeat(Gridify.MAX_LENGTH - 6);
        assertThat(filter(atLimit).parameters()).hasSize(1);

        assertThatThrownBy(() -> filter(atLimit + "a")).isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
            assertThat(e.position()).isEqualTo(Gridify.MAX_LENGTH);
            assertThat(e.reason()).isEqualTo("Expression is longer than 2000 characters");
        });
    }

    @Test
    void rejectsParenthesesNestedDeeperThanTheLimit() {
        int depth = Gridify.MAX_DEPTH;
        assertThat(filter("(".repeat(depth) + "number=1" + ")".repeat(depth)).sql())
                .isEqualTo("t.number = ?");

        assertThatThrownBy(() -> filter("(".repeat(depth + 1) + "number=1" + ")".repeat(depth + 1)))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(depth);
                    assertThat(e.token()).isEqualTo("(");
                });
    }

    @Test
    void rejectsControlCharacters() {
        assertThatThrownBy(() -> filter("title=a\u0000b"))
                .isInstanceOfSatisfying(
                        QuerySyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(7));
    }

    private static QuerySyntaxException rejection(String expression) {
        QuerySyntaxException error = catchThrowableOfType(() -> filter(expression), QuerySyntaxException.class);
        assertThat(error).as("expected %s to be rejected", expression).isNotNull();
        return error;
    }
}
