package com.echamado.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

class FailFastDataSourceTests {

    final AtomicLong now = new AtomicLong();
    final Pool pool = new Pool();
    final FailFastDataSource dataSource = new FailFastDataSource(pool, 1000, 1000, now::get);

    @Test
    void whileTheDatabaseIsUnreachableRequestsFailAtOnceAndOneASecondProbes() throws SQLException {
        pool.failure = unreachable();
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThat(dataSource.down()).isTrue();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(dataSource::getConnection)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasCause(pool.failure)
                    .satisfies(e -> assertThat(DatabaseOutage.causedBy(e)).isTrue());
        }
        assertThat(pool.calls)
                .as("the pool is not asked again within the probe interval")
                .hasValue(1);

        now.addAndGet(1_000_000_000L);
        pool.failure = null;
        assertThat(dataSource.getConnection()).isNull(); // the probe reaches the pool, which has recovered
        assertThat(dataSource.down()).isFalse();
        dataSource.getConnection();
        assertThat(pool.calls).hasValue(3);
    }

    @Test
    void aBusyPoolIsNotAnOutage() {
        pool.failure =
                new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms");
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThatThrownBy(dataSource::getConnection).isSameAs(pool.failure);
        assertThat(dataSource.down()).isFalse();
        assertThat(pool.calls).hasValue(2);
    }

    /** HikariCP's timeout while connecting fails: the driver's failure as its cause, SQLSTATE 08001. */
    private static SQLException unreachable() {
        return new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 3000ms",
                "08001",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
    }

    static final class Pool extends AbstractDataSource {
        final AtomicInteger calls = new AtomicInteger();
        SQLException failure;

        @Override
        public Connection getConnection() throws SQLException {
            calls.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return null;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
