package com.echamado.tickets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The synthetic data set at scale (docs/scale.md): a PostgreSQL database migrated by the application's own Flyway
 * migrations, then filled by {@code scale/seed.sql} with set-based SQL. A marker table {@code scale_dataset} records
 * the parameters; a database that already holds the same complete data set is reused as it is.
 *
 * <p>Command line (through {@code bench/seed.sh}): {@code --database echamado_scale --tickets 1000000 [--comments n]
 * [--users n] [--departments n] [--seed n]}.
 */
final class ScaleData {

    /** Every generated user signs in with this password (e-mails: admin1@, agente1@, usuario1@escala.echamado.test). */
    static final String PASSWORD = "Escala-Echamado-2026";

    /** The PostgreSQL server: 127.0.0.1:5432, or the port in SCALE_PG_PORT (e.g. a server tuned as the guide says). */
    static final String HOST =
            "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("SCALE_PG_PORT", "5432") + "/";

    static final String USER = "postgres";

    record Size(long tickets, long comments, int users, int departments, int seed) {

        /** The proportions of the full set (1,000,000 tickets, 3,000,000 comments, 10,000 users, 20 departments). */
        static Size of(long tickets) {
            int users = (int) Math.max(200, Math.min(10_000, tickets / 100));
            return new Size(tickets, 3 * tickets, users, 20, 1);
        }

        Size {
            if (tickets < 1 || comments < 0 || users < 20 || departments < 2 || departments > 200) {
                throw new IllegalArgumentException("tickets >= 1, comments >= 0, users >= 20, 2 <= departments <= 200");
            }
        }
    }

    private ScaleData() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String database = options.getOrDefault("database", "echamado_scale");
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database: lower-case letters, digits and _");
        }
        Size defaults = Size.of(Long.parseLong(options.getOrDefault("tickets", "1000000")));
        Size size = new Size(
                defaults.tickets(),
                Long.parseLong(options.getOrDefault("comments", String.valueOf(defaults.comments()))),
                Integer.parseInt(options.getOrDefault("users", String.valueOf(defaults.users()))),
                Integer.parseInt(options.getOrDefault("departments", String.valueOf(defaults.departments()))),
                Integer.parseInt(options.getOrDefault("seed", String.valueOf(defaults.seed()))));
        String url = HOST + database;
        if (exists(database)) {
            String found = marker(url);
            if (found == null) {
                throw new IllegalStateException("Database " + database + " exists but holds no scale data set;"
                        + " refusing to touch it (drop it or choose another --database)");
            }
            if (found.equals(describe(size))) {
                log("reusing " + database + ": " + found);
                if (migrate(url) > 0) { // new indexes: give the planner fresh statistics
                    execute(url, "ANALYZE");
                }
                return;
            }
            log("dropping " + database + " (it holds " + found + ")");
            admin("DROP DATABASE " + database + " WITH (FORCE)");
        }
        admin("CREATE DATABASE " + database);
        fill(url, size);
        log("ready: " + url + " (" + describe(size) + "); every user's password is " + PASSWORD);
    }

    /** Migrates the (empty) database at {@code url} with the application's migrations and generates the data set. */
    static void fill(String url, Size size) throws SQLException, IOException {
        long start = System.nanoTime();
        migrate(url);
        log("migrated in " + millis(start) + " ms");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        try (Connection connection = DriverManager.getConnection(url, USER, "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE scale_dataset (seed int NOT NULL, tickets bigint NOT NULL,"
                        + " comments bigint NOT NULL, users int NOT NULL, departments int NOT NULL,"
                        + " anchor timestamptz NOT NULL, password_hash text NOT NULL, finished_at timestamptz)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scale_dataset (seed, tickets,"
                    + " comments, users, departments, anchor, password_hash)"
                    + " VALUES (?, ?, ?, ?, ?, date_trunc('hour', now()), ?)")) {
                insert.setInt(1, size.seed());
                insert.setLong(2, size.tickets());
                insert.setLong(3, size.comments());
                insert.setInt(4, size.users());
                insert.setInt(5, size.departments());
                insert.setString(6, hash);
                insert.executeUpdate();
            }
            for (String[] step : steps()) {
                long began = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(step[1]);
                }
                log(step[0] + " in " + millis(began) + " ms");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("UPDATE scale_dataset SET finished_at = now()");
            }
        }
        log("generated " + describe(size) + " in " + millis(start) / 1000 + " s");
    }

    /**
     * Applies the application's pending migrations (as the service does at start, with its session-level lock: a
     * CREATE INDEX CONCURRENTLY would otherwise wait for Flyway's own transaction for ever, docs/migrations.md);
     * returns how many ran.
     */
    static int migrate(String url) {
        return Flyway.configure()
                .dataSource(url, USER, "")
                .locations("classpath:db/migration")
                .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false"))
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** The parameters of the complete data set in the database at {@code url}, or null when there is none. */
    static String marker(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT tickets, comments, users, departments, seed"
                        + " FROM scale_dataset WHERE finished_at IS NOT NULL")) {
            return rs.next()
                    ? describe(new Size(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                    : "an unfinished data set";
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // no marker table
                return null;
            }
            throw e;
        }
    }

    static String describe(Size size) {
        return size.tickets() + " tickets, " + size.comments() + " comments, " + size.users() + " users, "
                + size.departments() + " departments, seed " + size.seed();
    }

    private static List<String[]> steps() throws IOException {
        String sql;
        try (InputStream in = ScaleData.class.getResourceAsStream("/scale/seed.sql")) {
            if (in == null) {
                throw new IOException("scale/seed.sql is not on the class path");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String[]> steps = new ArrayList<>();
        String[] parts = sql.split("(?m)^-- step: ");
        for (int i = 1; i < parts.length; i++) {
            int eol = parts[i].indexOf('\n');
            steps.add(new String[] {parts[i].substring(0, eol).trim(), parts[i].substring(eol + 1)});
        }
        return steps;
    }

    private static boolean exists(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(HOST + "postgres", USER, "");
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void admin(String sql) throws SQLException {
        log(sql);
        execute(HOST + "postgres", sql);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --database name --tickets n [--comments n] [--users n]"
                        + " [--departments n] [--seed n]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void log(String message) {
        System.out.println("[scale] " + message);
    }
}
