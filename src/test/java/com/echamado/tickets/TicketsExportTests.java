package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * A ticket list as CSV, through the API ({@code Accept: text/csv}) and the list page's download: every matching
 * ticket the caller may see, headers in their language, names instead of ids, RFC 4180, no formulas.
 */
class TicketsExportTests extends IntegrationTest {

    static final List<String> ENGLISH = List.of(
            "No.",
            "Title",
            "Status",
            "Priority",
            "Department",
            "Type",
            "Category",
            "Requester",
            "Assignee",
            "Opened",
            "Due",
            "Updated");
    static final List<String> PORTUGUESE = List.of(
            "Nº",
            "Título",
            "Status",
            "Prioridade",
            "Departamento",
            "Tipo",
            "Categoria",
            "Solicitante",
            "Responsável",
            "Aberto em",
            "Prazo",
            "Atualizado em");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketManagement tickets;

    @Autowired
    DataSource dataSource;

    UserView requester;
    String token;
    String adminToken;

    @BeforeEach
    void aRequester() {
        requester = users.create(Role.USER);
        token = users.token(requester);
        adminToken = users.token(users.create(Role.ADMIN));
    }

    @Test
    void headersAreInTheCallersLanguageAndCellsNameWhatTheIdsMean() {
        JsonNode opened = openFor(http(), adminToken, requester, "Impressora sem papel", "HIGH", "Caso A");

        HttpResponse<String> english = export(token, "en");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(english.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"tickets-")
                .endsWith(".csv\"");
        assertThat(english.body()).as("no byte order mark for API clients").startsWith("No.,");
        assertThat(english.body())
                .endsWith("\r\n")
                .doesNotContain(opened.get("departmentId").asString());
        List<List<String>> rows = parse(english.body());
        assertThat(rows.get(0)).containsExactlyElementsOf(ENGLISH);
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo(opened.get("number").asString());
        assertThat(row.get(1)).isEqualTo("Impressora sem papel");
        assertThat(row.get(3)).isEqualTo("High");
        assertThat(row.subList(2, 7))
                .allSatisfy(cell -> assertThat(cell).isNotBlank().doesNotContain("-4000-"));
        assertThat(row.get(7)).isEqualTo(requester.fullName());
        assertThat(row.get(8)).isEmpty();
        assertThat(OffsetDateTime.parse(row.get(9)).toInstant())
                .isEqualTo(Instant.parse(opened.get("openedAt").asString())
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        List<List<String>> portuguese = parse(export(token, "pt-BR").body());
        assertThat(portuguese.get(0)).containsExactlyElementsOf(PORTUGUESE);
        assertThat(portuguese.get(1).get(3)).isEqualTo("Alta");
    }

    @Test
    void quotesWhatRfc4180NeedsQuotedAndDefusesFormulas() {
        openFor(http(), adminToken, requester, "=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")", "LOW", "a");
        openFor(http(), adminToken, requester, "Rede, sala \\\"2\\\"", "LOW", "b");
        openFor(http(), adminToken, requester, "@SUM(1+1)", "LOW", "c");
        openFor(http(), adminToken, requester, "-2+3 = 1", "LOW", "d");

        String body = export(token, "en").body();
        assertThat(body)
                .contains(",\"Rede, sala \"\"2\"\"\",")
                .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
                .contains(",'@SUM(1+1),")
                .contains(",'-2+3 = 1,");
        assertThat(parse(body).stream().skip(1).map(r -> r.get(1)))
                .containsExactly("'-2+3 = 1", "'@SUM(1+1)", "Rede, sala \"2\"", "'=HYPERLINK(\"http://evil\",\"x\")");
    }

    @Test
    void holdsEveryTicketOfTheFilteredListNotJustAPageInTheListsOrder() {
        List<String> high = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            JsonNode opened = openFor(http(), adminToken, requester, "Lote " + i, i % 3 == 0 ? "HIGH" : "LOW", "x");
            if (i % 3 == 0) {
                high.add(0, opened.get("number").asString());
            }
        }
        List<List<String>> all = parse(export(token, "en").body());
        assertThat(all).hasSize(46);

        List<List<String>> filtered = parse(http().get(
                        "/api/v1/tickets?priority=HIGH&filter=" + TestHttp.encode("title^Lote"),
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "text/csv")
                .body());
        assertThat(filtered.stream().skip(1).map(r -> r.get(0))).containsExactlyElementsOf(high);

        List<List<String>> byNumber = parse(
                http().get("/api/v1/tickets?orderBy=number", "Authorization", "Bearer " + token, "Accept", "text/csv")
                        .body());
        List<String> json = new ArrayList<>();
        TestHttp.parse(list(http(), token, "orderBy", "number"))
                .get("items")
                .forEach(item -> json.add(item.get("number").asString()));
        assertThat(byNumber.stream().skip(1).map(r -> r.get(0)).toList())
                .as("the CSV is the API's list")
                .containsExactlyElementsOf(json);
    }

    @Test
    void aRequesterExportsOnlyTheirTicketsAndAnAgentOnlyTheirDepartments() {
        UserView other = users.create(Role.USER);
        String mine = openFor(http(), adminToken, requester, UiFixtures.unique("Meu"), "LOW", "x")
                .get("number")
                .asString();
        String theirs = openFor(http(), adminToken, other, UiFixtures.unique("Deles"), "LOW", "x")
                .get("number")
                .asString();
        assertThat(numbers(export(token, "en"))).containsExactly(mine);

        UserView agent = users.create(Role.SUPPORT);
        joinDepartment(jdbc, agent, INFRA_DEPARTMENT);
        String infra = TestHttp.parse(http().json(
                                "POST",
                                "/api/v1/tickets",
                                users.token(other),
                                body(UiFixtures.unique("Infra"), INFRA_DEPARTMENT)))
                .get("number")
                .asString();
        HttpResponse<String> agents = export(users.token(agent), "en");
        List<List<String>> rows = parse(agents.body());
        assertThat(numbers(agents)).contains(infra).doesNotContain(mine, theirs);
        String infraName = rows.stream()
                .filter(r -> r.get(0).equals(infra))
                .findFirst()
                .orElseThrow()
                .get(4);
        assertThat(rows.stream().skip(1).map(r -> r.get(4))).containsOnly(infraName);
        assertThat(rows.size() - 1L)
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from ticket where department_id = ?::uuid", Long.class, INFRA_DEPARTMENT));
    }

    @Test
    void aBadFilterIsA400ProblemBeforeAnyRow() {
        HttpResponse<String> answer = http().get(
                        "/api/v1/tickets?filter=" + TestHttp.encode("owner=x"),
                        "Authorization",
                        "Bearer " + token,
                        "Accept",
                        "text/csv");
        assertProblem(answer, 400);
        assertThat(answer.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(answer.body()).doesNotContain("No.,");
        assertProblem(
                http().get("/api/v1/tickets?orderBy=owner", "Authorization", "Bearer " + token, "Accept", "text/csv"),
                400);
        assertThat(http().get("/api/v1/tickets", "Accept", "text/csv").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theListPageOffersTheDownloadOfItsFilteredListForSpreadsheets() {
        String title = UiFixtures.unique("Planilha");
        openFor(http(), adminToken, requester, title, "URGENT", "x");
        openFor(http(), adminToken, requester, UiFixtures.unique("Outra"), "LOW", "x");
        TestHttp browser = UiFixtures.signIn(http(), requester);

        String page =
                browser.get("/tickets?priority=URGENT&sort=number&dir=asc").body();
        assertThat(page).contains("href=\"/tickets/export.csv?priority=URGENT&amp;sort=number&amp;dir=asc\"");

        HttpResponse<String> file = browser.get(
                "/tickets/export.csv?priority=URGENT&sort=number&dir=asc", "Cookie", "ECHAMADO_TZ=America/Sao_Paulo");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(file.body())
                .as("a byte order mark, for spreadsheets to read UTF-8")
                .startsWith("\uFEFFNº,Título,");
        List<List<String>> rows = parse(file.body().substring(1));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(1)).isEqualTo(title);
        assertThat(rows.get(1).get(9)).as("in the viewer's time zone").endsWith("-03:00");
    }

    @Test
    void streamsThroughADatabaseCursorInAReadOnlyTransaction() {
        openFor(http(), adminToken, requester, "Cursor", "LOW", "x");
        Actor actor = tickets.actor(requester.id(), false, false);
        AtomicLong seen = new AtomicLong();
        long rows = tickets.export(actor, TicketQuery.builder().build(), ticket -> {
            assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly())
                    .isTrue();
            try {
                assertThat(DataSourceUtils.getConnection(dataSource).getAutoCommit())
                        .as("PostgreSQL keeps a cursor only with autocommit off")
                        .isFalse();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            seen.incrementAndGet();
        });
        assertThat(rows).isEqualTo(1).isEqualTo(seen.get());
        assertThat(TicketQueries.EXPORT_FETCH_SIZE).isBetween(100, 5_000);
    }

    /**
     * 200,000 rows (SQL copies of one ticket), read by the client line by line while the heap is measured after a
     * garbage collection every 20,000 lines: it stays within a few megabytes of where it started. Reading all rows
     * at once (no cursor: tried once, 129 MB) or gathering them in a list fails the test.
     */
    @Test
    void exportsTwoHundredThousandRowsInConstantMemory() throws Exception {
        int copies = 200_000;
        JsonNode model = openFor(http(), adminToken, requester, "Modelo de escala", "LOW", "x");
        jdbc.update(
                "insert into ticket (id, number, title, description, type_id, category_id, subcategory_id,"
                        + " department_id, priority, status_id, is_closed, requester_id, assignee_id, created_by,"
                        + " due_at, opened_at, updated_at, version)"
                        + " select gen_random_uuid(), nextval('ticket_number_seq'), t.title || ' ' || g,"
                        + " t.description, t.type_id, t.category_id, t.subcategory_id, t.department_id, t.priority,"
                        + " t.status_id, t.is_closed, t.requester_id, t.assignee_id, t.created_by, t.due_at,"
                        + " t.opened_at - g * interval '1 second', t.updated_at, 0"
                        + " from ticket t, generate_series(1, ?) g where t.id = ?::uuid",
                copies,
                model.get("id").asString());
        try {
            long baseline = usedHeapAfterGc();
            long peak = 0;
            long lines = 0;
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(baseUrl() + "/api/v1/tickets"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/csv")
                    .build();
            HttpResponse<java.io.InputStream> answer =
                    java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(answer.statusCode()).isEqualTo(200);
            try (var reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(answer.body(), java.nio.charset.StandardCharsets.UTF_8))) {
                while (reader.readLine() != null) {
                    if (++lines % 20_000 == 0) {
                        peak = Math.max(peak, usedHeapAfterGc());
                    }
                }
            }
            System.out.printf("CSV export of %d rows: heap growth %d MB%n", copies, (peak - baseline) >> 20);
            assertThat(lines).as("the header, the model and its copies").isEqualTo(copies + 2L);
            assertThat((peak - baseline) / (1024 * 1024))
                    .as("heap growth in MB while streaming %d rows", copies)
                    .isLessThan(48);
        } finally {
            jdbc.update(
                    "delete from ticket where requester_id = ? and id <> ?::uuid",
                    requester.id(),
                    model.get("id").asString());
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private HttpResponse<String> export(String bearer, String language) {
        return http().get(
                        "/api/v1/tickets",
                        "Authorization",
                        "Bearer " + bearer,
                        "Accept",
                        "text/csv",
                        "Accept-Language",
                        language);
    }

    private static List<String> numbers(HttpResponse<String> csv) {
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        return parse(csv.body()).stream().skip(1).map(r -> r.get(0)).toList();
    }

    /** RFC 4180, strictly: CRLF ends a record; a quoted field may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("a bare line break at " + i).isNotIn('\r', '\n');
                field.append(c);
            }
        }
        assertThat(record).as("the last record ends with CRLF").isEmpty();
        assertThat(field.length()).isZero();
        return records;
    }
}
