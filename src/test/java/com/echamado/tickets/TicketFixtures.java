package com.echamado.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.UserView;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import tools.jackson.databind.JsonNode;

/** Seeded catalog ids and helpers to open and change tickets over the API. */
public final class TicketFixtures {

    public static final String SUPPORT_DEPARTMENT = "00000000-0000-4000-8000-000000000201";
    public static final String INFRA_DEPARTMENT = "00000000-0000-4000-8000-000000000202";
    public static final String INCIDENT = "00000000-0000-4000-8000-000000000301";
    public static final String HARDWARE = "00000000-0000-4000-8000-000000000401";
    public static final String SOFTWARE = "00000000-0000-4000-8000-000000000402";
    public static final String COMPUTER = "00000000-0000-4000-8000-000000000501";
    public static final String EMAIL = "00000000-0000-4000-8000-000000000503";
    public static final String OPEN = "00000000-0000-4000-8000-000000000101";
    public static final String IN_PROGRESS = "00000000-0000-4000-8000-000000000102";
    public static final String WAITING_FOR_CUSTOMER = "00000000-0000-4000-8000-000000000103";
    public static final String RESOLVED = "00000000-0000-4000-8000-000000000104";
    public static final String CLOSED = "00000000-0000-4000-8000-000000000105";

    private TicketFixtures() {}

    /**
     * A due date the service accepts (a new one must lie in the future) that passes a moment later: how a test makes a
     * ticket overdue. Wait for it with {@link #untilPassed}.
     */
    public static String dueInAMoment() {
        return Instant.now().plusSeconds(2).toString();
    }

    public static void untilPassed(String instant) {
        Instant due = Instant.parse(instant);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(due));
    }

    public static String body(String title, String department) {
        return """
                {"title":"%s","description":"A impressora do 2º andar não liga.","typeId":"%s",
                 "categoryId":"%s","subcategoryId":"%s","departmentId":"%s","priority":"HIGH"}
                """.formatted(title, INCIDENT, HARDWARE, COMPUTER, department);
    }

    public static JsonNode open(TestHttp http, String token, String title) {
        HttpResponse<String> response = http.json("POST", "/api/v1/tickets", token, body(title, SUPPORT_DEPARTMENT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.parse(response);
    }

    /**
     * Refills the dashboard counters from the tickets, after a test changed tickets with SQL: with the script operators
     * run after a restore (scripts/sql/rebuild-dashboard-counters.sql), so that the test also proves it.
     */
    public static void recountDashboard(JdbcTemplate jdbc) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            ScriptUtils.executeSqlScript(
                    connection, new FileSystemResource(Path.of("scripts/sql/rebuild-dashboard-counters.sql")));
            return null;
        });
    }

    public static String uniqueTitle(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends a change with the ticket's current ETag. */
    public static HttpResponse<String> change(TestHttp http, String token, String method, String path, String body) {
        String ticketPath = path.replaceAll("^(/api/v1/tickets/[^/]+).*$", "$1");
        HttpResponse<String> current = http.json("GET", ticketPath, token, null);
        String etag = current.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(current.body()));
        return http.jsonWithHeader(method, path, token, body, "If-Match", etag);
    }

    /** A ticket body with the given priority and description (JSON-safe text only). */
    public static String body(String title, String priority, String description) {
        return body(title, SUPPORT_DEPARTMENT)
                .replace("\"HIGH\"", "\"" + priority + "\"")
                .replace("A impressora do 2º andar não liga.", description);
    }

    public static JsonNode open(TestHttp http, String token, String title, String priority, String description) {
        HttpResponse<String> response = http.json("POST", "/api/v1/tickets", token, body(title, priority, description));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.parse(response);
    }

    /**
     * Opened by the desk (an agent's or administrator's token) on a requester's behalf: the priority is the desk's
     * decision, so only the desk sets it.
     */
    public static JsonNode openFor(
            TestHttp http, String deskToken, UserView requester, String title, String priority, String description) {
        String body =
                body(title, priority, description).replaceFirst("\\{", "{\"requesterId\":\"" + requester.id() + "\",");
        HttpResponse<String> response = http.json("POST", "/api/v1/tickets", deskToken, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TestHttp.parse(response);
    }

    public static void joinDepartment(JdbcTemplate jdbc, UserView agent, String department) {
        jdbc.update(
                "insert into department_agent (department_id, user_id) values (?, ?)",
                UUID.fromString(department),
                agent.id());
    }

    /** A word of random letters that no other test writes, so that searches for it find only this test's data. */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }

    /** The ids of a page of tickets, in order. */
    public static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        TestHttp.parse(page).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** Lists tickets with the given query parameters, values URL-encoded. */
    public static HttpResponse<String> list(TestHttp http, String token, String... nameValuePairs) {
        StringBuilder path = new StringBuilder("/api/v1/tickets?size=100");
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            path.append('&').append(nameValuePairs[i]).append('=').append(TestHttp.encode(nameValuePairs[i + 1]));
        }
        return http.json("GET", path.toString(), token, null);
    }

    public static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(response.body())
                .startsWith("application/problem+json");
    }

    /** Runs {@code n} requests at the same moment, each on its own thread, and returns their answers in order. */
    public static <T> List<T> atOnce(int n, IntFunction<T> request) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = IntStream.range(0, n)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return request.apply(i);
                    }))
                    .toList();
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> answer : answers) {
                out.add(answer.get(120, TimeUnit.SECONDS));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
