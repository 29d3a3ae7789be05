package com.echamado.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property: no malformed request, over any operation of {@code /v3/api-docs}, as administrator, as requester or
 * without a token, gets a 5xx, an error that is not {@code application/problem+json}, a body with a stack trace or
 * SQL, changes a row although it was refused, or logs an error or a stack trace. {@code ./mvnw verify} sends
 * {@value #DEFAULT_REQUESTS} requests; a longer run: {@code ./mvnw test -Dtest=ApiFuzzTests -Dfuzz.requests=200000}
 * (and {@code -Dfuzz.seed=…} to replay a failing run: the seed is in the failure message).
 */
class ApiFuzzTests extends IntegrationTest {

    static final int DEFAULT_REQUESTS = 10_000;
    private static final int BATCH = 100;
    private static final int THREADS = 6;
    private static final List<String> LEAKS = List.of(
            "\tat ",
            "Exception",
            "java.lang",
            "org.postgresql",
            "org.hibernate",
            "org.springframework",
            "SQLState",
            "SQL state",
            "syntax error at or near",
            "duplicate key value",
            "violates ");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noMalformedRequestGetsA5xxALeakOrChangesARow() throws Exception {
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        String admin = users.token(users.create(Role.ADMIN));
        String requester = users.token(users.create(Role.USER));
        String ticket = TestHttp.parse(http().json(
                                "POST", "/api/v1/tickets", requester, TestHttp.NEW_TICKET.formatted("Alvo do fuzz")))
                .get("id")
                .asString();
        var generator = new MalformedRequestGenerator(TestHttp.parse(http().get("/v3/api-docs")), ticket);
        assertThat(generator.operations()).hasSizeGreaterThan(40);
        RawHttp raw = new RawHttp(port);
        List<String> failures = new ArrayList<>();
        int checkedBatches = 0;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (CapturedLogs logs = CapturedLogs.capture()) {
            for (int start = 0; start < requests; start += BATCH) {
                String before = checksum();
                List<Future<String>> answers = new ArrayList<>();
                IntStream.range(start, Math.min(requests, start + BATCH))
                        .forEach(index -> answers.add(pool.submit(() -> {
                            Random random = new Random(seed * 31 + index);
                            int actor = random.nextInt(10);
                            String token = actor < 5 ? admin : actor < 9 ? requester : null;
                            MalformedRequestGenerator.Request request = generator.generate(random, token);
                            RawHttp.Answer answer =
                                    raw.send(request.method(), request.target(), request.headers(), request.body());
                            String failure = failure(request, answer);
                            boolean reads = request.method().equals("GET")
                                    || request.method().equals("OPTIONS");
                            return failure != null
                                    ? failure
                                    : answer.status() >= 400 ? "refused" : reads ? "read" : "accepted";
                        })));
                boolean allRefused = true;
                for (Future<String> answer : answers) {
                    String outcome = answer.get();
                    allRefused &= !outcome.equals("accepted");
                    if (!List.of("refused", "read", "accepted").contains(outcome) && failures.size() < 30) {
                        failures.add(outcome);
                    }
                }
                if (allRefused) {
                    checkedBatches++;
                    if (!before.equals(checksum()) && failures.size() < 30) {
                        failures.add("rows changed in a batch of refused requests and reads " + start + "-"
                                + (start + BATCH));
                    }
                }
            }
            failures.addAll(logs.errorsAndStackTraces().stream().limit(10).toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures)
                .as(
                        "%d malformed requests, seed %d (replay: -Dfuzz.seed=%d -Dfuzz.requests=%d)",
                        requests, seed, seed, requests)
                .isEmpty();
        assertThat(checkedBatches)
                .as("batches of only refused requests, whose rows were compared")
                .isPositive();
    }

    private static String failure(MalformedRequestGenerator.Request request, RawHttp.Answer answer) {
        String what = request.describe() + " -> " + answer;
        if (answer.status() >= 500) {
            return "5xx: " + what;
        }
        boolean api = request.target().startsWith("/api/");
        if (answer.status() >= 400 && api && !request.method().equals("HEAD")) {
            if (!answer.isProblem()) {
                return "not a problem: " + what;
            }
            try {
                if (TestHttp.JSON.readTree(answer.body()).path("status").asInt() != answer.status()) {
                    return "problem with another status: " + what;
                }
            } catch (RuntimeException notJson) {
                return "problem that is not JSON: " + what;
            }
        }
        if (answer.status() >= 400) {
            for (String leak : LEAKS) {
                if (answer.body().contains(leak)) {
                    return "leak '" + leak.trim() + "': " + what;
                }
            }
        }
        return null;
    }

    /**
     * Row count and content hash of every table an API request writes synchronously: not the outbox and deliveries,
     * and not the SLA clocks, which the sla module's listeners and scheduler derive from ticket events afterwards.
     */
    private String checksum() {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name not like 'event\\_%' and table_name not like '%delivery'
                  and table_name not like 'flyway%' and table_name not like 'oauth2\\_authorization%'
                  and table_name not in ('sla_ticket', 'sla_ticket_clock', 'sla_ticket_policy_log', 'sla_escalation')
                order by table_name
                """, String.class);
        return tables.stream()
                .map(table -> table + "="
                        + jdbc.queryForObject(
                                "select count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from " + table
                                        + " t",
                                String.class))
                .collect(Collectors.joining(","));
    }
}
