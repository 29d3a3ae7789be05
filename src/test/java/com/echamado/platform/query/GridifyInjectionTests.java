package com.echamado.platform.query;

import static com.echamado.platform.query.QueryFixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridifyInjectionTests {

    /** Everything the SQL text may consist of: declared columns, fixed operators, placeholders and punctuation. */
    private static final Pattern TRUSTED = Pattern.compile("TRUE|lower\\(|t\\.(number|title|description|status|"
            + "priority|department_id|assignee_id|created_at|due_at|overdue|rating)|IS DISTINCT FROM|IS NOT NULL|"
            + "IS NULL|NOT LIKE|LIKE|ESCAPE '\\\\'|AND|OR|<>|<=|>=|=|<|>|''|\\?|\\(|\\)|\\s+");

    @Test
    void quotesAndStatementSeparatorsInValuesBecomeAParameter() {
        SqlFilter result = filter("title='; drop table tickets;--");

        assertThat(result).isEqualTo(new SqlFilter("t.title = ?", java.util.List.of("'; drop table tickets;--")));
    }

    @Test
    void likeWildcardsCannotWidenAContainsSearch() {
        SqlFilter result = filter("title=*%");

        assertThat(result.sql()).isEqualTo("t.title LIKE ? ESCAPE '\\'");
        assertThat(result.parameters()).containsExactly("%\\%%");
    }

    @Test
    void classicTautologiesStayInsideTheTextParameter() {
        assertThat(filter("title=x' OR '1'='1").parameters()).containsExactly("x' OR '1'='1");
        assertThat(filter("title=x\\) or \\(1=1").parameters()).containsExactly("x) or (1=1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "title) or (1=1",
                "title or 1=1",
                "t.title=x",
                "title;drop table tickets=1",
                "title--=x",
                "number=1 or 1=1",
                "number=1;delete from tickets",
                "status=OPEN' --",
                "overdue=true or 1=1",
                "department=00000000-0000-0000-0000-000000000000' or '1'='1",
                "createdAt>now()",
                "title=x|1=1",
                "title=x,(select 1)=1",
                "\"title\"=x",
                "title/**/=x",
            })
    void sqlInFieldNamesOrTypedValuesIsRejected(String expression) {
        assertThatThrownBy(() -> filter(expression)).isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void randomInputEitherFailsCleanlyOrProducesOnlyTrustedSql() {
        String[] pieces = {
            "title",
            "number",
            "status",
            "dueAt",
            "assignee",
            "x",
            "1",
            "2024-01-01",
            "open",
            "null",
            "true",
            "'",
            "\"",
            ";",
            "--",
            " ",
            "=",
            "!=",
            "<",
            ">=",
            "=*",
            "!*",
            "^",
            "!^",
            "$",
            "!$",
            ",",
            "|",
            "(",
            ")",
            "/i",
            "\\",
            "%",
            "_",
            "/",
            "*",
            "!",
            "drop",
            "6f1c1b7e-3c1a-4d8e-9a57-2f0e5c1d9b10"
        };
        Random random = new Random(20240501);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder expression = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                expression.append(pieces[random.nextInt(pieces.length)]);
            }
            try {
                SqlFilter result = filter(expression.toString());
                assertTrusted(result, expression.toString());
                parsed++;
            } catch (QuerySyntaxException e) {
                assertThat(e.position()).isBetween(0, expression.length());
            }
        }
        assertThat(parsed).as("some random expressions parse").isGreaterThan(100);
    }

    private static void assertTrusted(SqlFilter result, String expression) {
        assertThat(TRUSTED.matcher(result.sql()).replaceAll(""))
                .as("untrusted SQL text from %s: %s", expression, result.sql())
                .isEmpty();
        long placeholders = result.sql().chars().filter(c -> c == '?').count();
        assertThat(result.parameters()).hasSize((int) placeholders);
    }
}
