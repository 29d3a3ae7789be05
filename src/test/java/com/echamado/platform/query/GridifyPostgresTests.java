package com.echamado.platform.query;

import static com.echamado.platform.query.QueryFixtures.filter;
import static com.echamado.platform.query.QueryFixtures.orderBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.TestAbortedException;

/**
 * Runs generated SQL on the local PostgreSQL against a TEMP table. Skipped when PostgreSQL is unreachable, unless
 * {@code CI=true}.
 */
class GridifyPostgresTests {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static Connection connection;

    @BeforeAll
    static void createTickets() throws SQLException {
        try {
            connection = DriverManager.getConnection(URL, "postgres", "");
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            throw new TestAbortedException("PostgreSQL is not reachable at " + URL, e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE tickets (
                        number bigint PRIMARY KEY, title text, description text, status varchar(20),
                        priority varchar(10), department_id uuid, assignee_id uuid, created_at timestamptz,
                        due_at timestamptz, overdue boolean, rating numeric(2, 1))""");
            statement.execute("""
                    INSERT INTO tickets VALUES
                    (1, 'Printer jammed', 'paper', 'OPEN', 'HIGH', '6f1c1b7e-3c1a-4d8e-9a57-2f0e5c1d9b10',
                        NULL, '2024-05-01T09:00Z', '2024-05-03T00:00Z', true, NULL),
                    (2, 'VPN down (50% of users)', NULL, 'IN_PROGRESS', 'URGENT',
                        '6f1c1b7e-3c1a-4d8e-9a57-2f0e5c1d9b10', 'a1b2c3d4-0000-4000-8000-000000000001',
                        '2024-05-02T12:00Z', NULL, false, 4.5),
                    (3, 'printer toner', '', 'CLOSED', 'LOW', 'b7e6f1c1-3c1a-4d8e-9a57-2f0e5c1d9b10',
                        'a1b2c3d4-0000-4000-8000-000000000001', '2024-04-30T23:59Z', NULL, false, 3),
                    (4, 'New laptop_for intern', 'a\\b', 'RESOLVED', 'NORMAL',
                        'b7e6f1c1-3c1a-4d8e-9a57-2f0e5c1d9b10', NULL, '2024-05-10T08:00Z',
                        '2024-05-01T00:00Z', false, 5)""");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "title=*printer;                              3",
                "title=*printer/i;                            1 3",
                "title^PRINTER/i,priority=high;               1",
                "title!*printer/i;                            2 4",
                "title$intern|number=1;                       1 4",
                "title=*50%;                                  2",
                "title=*50\\%;                                2",
                "title=*laptop_f;                             4",
                "title=*p_inter;                              \"\"",
                "description=;                                2 3",
                "description!=;                               1 4",
                "description=*\\\\;                           4",
                "description!=paper;                          2 3 4",
                "assignee=;                                   1 4",
                "assignee=null;                               1 4",
                "assignee!=a1b2c3d4-0000-4000-8000-000000000001; 1 4",
                "dueAt=null|overdue=true;                     1 2 3",
                "createdAt>=2024-05-01,createdAt<2024-05-02;  1",
                "createdAt<2024-05-01T02:00+02:00;            3",
                "rating>=4.5;                                 2 4",
                "rating<4;                                    3",
                "number>1,number<=3|status=resolved;          2 3 4",
                "number>1,(number<=3|status=resolved);        2 3 4",
                "(number=1|number=2),priority!=urgent;        1",
                "department=b7e6f1c1-3c1a-4d8e-9a57-2f0e5c1d9b10,overdue=false; 3 4",
                "\"title='; drop table tickets;--\"; \"\"",
                "title=x' OR '1'='1;                          \"\"",
            })
    void filterSelectsTheExpectedRows(String expression, String expected) throws SQLException {
        assertThat(numbers(expression, "t.number"))
                .as("%s -> %s", expression, filter(expression).sql())
                .isEqualTo(
                        expected.isEmpty()
                                ? List.of()
                                : List.of(expected.split(" ")).stream()
                                        .map(Long::valueOf)
                                        .toList());
    }

    @Test
    void orderingIsAppliedByTheDatabase() throws SQLException {
        assertThat(numbers("", orderBy("priority desc, createdAt").sql())).containsExactly(2L, 4L, 3L, 1L);
        assertThat(numbers("number<4", orderBy("dueAt desc, number desc").sql()))
                .containsExactly(3L, 2L, 1L);
    }

    @Test
    void tableSurvivesInjectionAttempts() throws SQLException {
        numbers("title='; drop table tickets;--", "t.number");
        numbers("title=*'\\); delete from tickets;--", "t.number");

        assertThat(numbers("", "t.number")).hasSize(4);
    }

    private static List<Long> numbers(String expression, String orderBy) throws SQLException {
        SqlFilter filter = filter(expression);
        String sql = "SELECT t.number FROM tickets t WHERE " + filter.sql() + " ORDER BY " + orderBy;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < filter.parameters().size(); i++) {
                statement.setObject(i + 1, filter.parameters().get(i));
            }
            List<Long> numbers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getLong(1));
                }
            }
            return numbers;
        }
    }
}
