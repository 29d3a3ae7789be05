package com.echamado.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One PostgreSQL database per test run ({@code echamado_test_<random>}), created on first use and dropped when the
 * JVM exits. Every Spring context of the run shares it (tests use their own random data).
 */
public final class TestDatabase {

    public static final String RUN_ID =
            UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public static final String NAME = "echamado_test_" + RUN_ID;
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String USER = "postgres";
    private static boolean created;

    private TestDatabase() {}

    public static synchronized String url() {
        if (!created) {
            create(NAME);
            created = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(NAME)));
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + NAME;
    }

    /** Creates another empty database (dropped at exit), for tests that need a fresh schema. */
    public static String fresh(String suffix) {
        String name = NAME + "_" + suffix;
        create(name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    private static void create(String name) {
        execute("CREATE DATABASE " + name);
    }

    private static void drop(String name) {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException ignored) {
            // best effort at exit
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
