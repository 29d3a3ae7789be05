package com.echamado.tickets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

/** A JdbcTemplate that runs what the query code asks and remembers each statement with its parameters. */
public class RecordingJdbcTemplate extends JdbcTemplate {

    public record Statement(String sql, List<Object> params) {}

    private final Map<String, Statement> seen = new LinkedHashMap<>();

    public RecordingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    /** Runs {@code work} and returns the statements it executed, each once. */
    public synchronized List<Statement> record(Runnable work) {
        seen.clear();
        work.run();
        return new ArrayList<>(seen.values());
    }

    private void remember(String sql, Object[] args) {
        List<Object> params = Arrays.asList(args);
        seen.putIfAbsent(sql + params, new Statement(sql, params));
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
        remember(sql, args);
        return super.query(sql, rowMapper, args);
    }

    @Override
    public void query(String sql, RowCallbackHandler handler, Object... args) {
        remember(sql, args);
        super.query(sql, handler, args);
    }

    @Override
    public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) {
        remember(sql, args);
        return super.queryForObject(sql, requiredType, args);
    }

    @Override
    public Map<String, Object> queryForMap(String sql, Object... args) {
        remember(sql, args);
        return super.queryForMap(sql, args);
    }
}
