package com.echamado.platform.ops;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures mean "no database right now" rather than "this query is wrong": they are answered 503 with
 * {@code Retry-After}, never 500. Anywhere in the cause chain: Spring's {@link CannotCreateTransactionException} (JPA
 * could not get a connection to begin), {@link DataAccessResourceFailureException} (which includes
 * {@code CannotGetJdbcConnectionException} and Hibernate's translated {@code JDBCConnectionException}),
 * {@link QueryTimeoutException}; JDBC's connection exceptions (HikariCP's {@code connection-timeout} is a
 * {@link SQLTransientConnectionException}); and any {@link SQLException} of SQLSTATE class 08 (connection exception)
 * or 57P0x (server shutting down, crashed or starting up), which is how a connection lost mid-transaction or a
 * failed commit or rollback surfaces inside {@code TransactionSystemException} and {@code JpaSystemException}.
 * One more: when a statement fails because the server went away, HikariCP marks the connection broken and closes it,
 * so the rollback that follows fails with its own "Connection is closed" (no SQLSTATE), and Spring reports that
 * rollback failure ({@code JpaSystemException: Unable to rollback against JDBC Connection}) instead of the original
 * one: an outage too.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException && !fromRedis(t)
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && (unreachable(sql.getSQLState()) || brokenByPool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the server could not be reached (SQLSTATE 08xxx or 57P0x somewhere in the chain), as opposed to a pool
     * that is merely busy: HikariCP's timeout carries the last failure to connect only when connecting failed.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** HikariCP's answer on a connection it has already closed as broken (it sets no SQLSTATE). */
    private static boolean brokenByPool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    private static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }

    /** Spring Data Redis's connection failures are data-access resource failures too; they are not the database's. */
    private static boolean fromRedis(Throwable t) {
        return t.getClass().getName().startsWith("org.springframework.data.redis.");
    }
}
