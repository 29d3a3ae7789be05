package com.echamado.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** EXPLAINs the statements some work runs and fails on a sequential scan of the ticket table or the comments. */
public final class QueryPlans {

    private QueryPlans() {}

    public static void checkPlans(JdbcTemplate plain, RecordingJdbcTemplate recording, String name, Runnable work) {
        List<RecordingJdbcTemplate.Statement> statements = recording.record(work);
        assertThat(statements).as(name).isNotEmpty();
        statements.forEach(statement -> explain(plain, name, statement));
    }

    public static void explain(JdbcTemplate plain, String name, RecordingJdbcTemplate.Statement statement) {
        String json = plain.queryForObject(
                "explain (format json) " + statement.sql(),
                String.class,
                statement.params().toArray());
        List<String> scanned = new ArrayList<>();
        seqScans(new ObjectMapper().readTree(json), scanned);
        assertThat(scanned)
                .as(
                        "%s: sequential scan of %s in%n%s%nparameters %s%nplan %s",
                        name, scanned, statement.sql(), statement.params(), json)
                .isEmpty();
    }

    private static void seqScans(JsonNode node, List<String> found) {
        if (node.isObject()
                && "Seq Scan".equals(node.path("Node Type").asString(""))
                && List.of("ticket", "ticket_comment")
                        .contains(node.path("Relation Name").asString(""))) {
            found.add(node.path("Relation Name").asString(""));
        }
        for (JsonNode child : node) {
            seqScans(child, found);
        }
    }
}
