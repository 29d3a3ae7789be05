package com.echamado.tickets;

import static com.echamado.tickets.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Gridify {@code filter} and {@code orderBy} through the API, and keyset pagination. Each test has its own requester,
 * so a list holds exactly that requester's tickets whatever other tests wrote.
 */
class TicketsFilterTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    String token;
    UserView requester;
    String adminToken;
    Instant before;
    final Map<String, Long> numbers = new java.util.HashMap<>();

    @BeforeEach
    void fiveTickets() {
        requester = users.create(Role.USER);
        token = users.token(requester);
        adminToken = users.token(users.create(Role.ADMIN));
        before = Instant.now().minusSeconds(5);
        ticket("A", "Alfa impressora", "LOW");
        ticket("B", "Beta monitor", "HIGH");
        ticket("C", "Gama teclado", "URGENT");
        ticket("D", "Delta impressora", "NORMAL");
        ticket("E", "Épsilon rede, sala (2)", "HIGH");
    }

    @Test
    void everyOperatorSelectsTheRightTickets() {
        assertFinds("title=Beta monitor", "B");
        assertFinds("priority!=HIGH", "A", "C", "D");
        assertFinds("priority=high", "B", "E");
        assertFinds("number>" + numbers.get("A") + ",number<" + numbers.get("C"), "B");
        assertFinds("number<=" + numbers.get("B"), "A", "B");
        assertFinds("number>=" + numbers.get("D"), "D", "E");
        assertFinds("title=*impressora", "A", "D");
        assertFinds("title!*impressora", "B", "C", "E");
        assertFinds("title^Gama", "C");
        assertFinds("title!^Gama", "A", "B", "D", "E");
        assertFinds("title$teclado", "C");
        assertFinds("title!$impressora", "B", "C", "E");
        assertFinds("title=*IMPRESSORA/i", "A", "D");
        assertFinds("title=*IMPRESSORA");
        assertFinds("title=Épsilon rede\\, sala \\(2\\)", "E");
        assertFinds("title=*%");
        assertFinds("assignee=null", "A", "B", "C", "D", "E");
        assertFinds("assignee!=null");
        assertFinds("dueAt=", "A", "B", "C", "D", "E");
        assertFinds("openedAt>=" + before, "A", "B", "C", "D", "E");
        assertFinds("openedAt<2000-01-01");
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        assertFinds("priority=LOW,title=*Alfa|priority=URGENT", "A", "C");
        assertFinds("priority=URGENT|priority=HIGH,title=*Beta", "B", "C");
        assertFinds("(priority=URGENT|priority=HIGH),title=*Beta", "B");
        assertFinds("priority=LOW,(title=*Beta|priority=URGENT)");
        assertFinds("(priority=HIGH|priority=LOW),(title=*impressora|title^Beta)", "A", "B");
        assertFinds("((priority=HIGH))", "B", "E");
    }

    @Test
    void aMalformedFilterIsA400PointingAtTheToken() {
        assertPointsAt("filter", "priority=HIGH,owner=x", 14, "owner");
        assertPointsAt("filter", "title=*", 5, "=*");
        assertPointsAt("filter", "(priority=HIGH", 0, "(");
        assertPointsAt("filter", "priority=HIGH)", 13, ")");
        assertPointsAt("filter", "number=abc", 7, "abc");
        assertPointsAt("filter", "priority>HIGH", 8, ">");
        assertPointsAt("filter", "priority=SUPER", 9, "SUPER");
        assertPointsAt("filter", "title=a,", 7, ",");
        assertPointsAt("orderBy", "owner", 0, "owner");
        assertPointsAt("orderBy", "number sideways", 7, "sideways");
        assertPointsAt("orderBy", "-number", 0, "-");
    }

    @Test
    void injectionAttemptsAreRefusedOrHarmless() {
        for (String filter : List.of(
                "title='; drop table ticket;--",
                "title=*x' or '1'='1",
                "title=a\\) or \\(1=1",
                "description=*'); delete from ticket where ('1'='1")) {
            HttpResponse<String> answer = list(http(), token, "filter", filter);
            assertThat(answer.statusCode()).as(filter).isIn(200, 400);
            if (answer.statusCode() == 200) {
                assertThat(ids(answer)).as(filter).isEmpty();
            }
        }
        for (String filter : List.of("title) or (1=1", "number=1 or 1=1", "priority=HIGH;delete from ticket")) {
            assertProblem(list(http(), token, "filter", filter), 400);
        }
        for (String orderBy :
                List.of("number; drop table ticket", "number desc, (select 1)", "title desc nulls first")) {
            assertProblem(list(http(), token, "orderBy", orderBy), 400);
        }
        assertThat(ids(list(http(), token, "q", "'; drop table ticket;--"))).isEmpty();

        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class))
                .isGreaterThanOrEqualTo(5);
        assertThat(ids(list(http(), token))).hasSize(5);
    }

    @Test
    void orderByOrdersAndRefusesUnknownFields() {
        assertThat(titles(list(http(), token, "orderBy", "number desc"))).containsExactly("E", "D", "C", "B", "A");
        assertThat(titles(list(http(), token, "orderBy", "number"))).containsExactly("A", "B", "C", "D", "E");
        assertThat(titles(list(http(), token, "orderBy", "title", "filter", "priority!=HIGH")))
                .containsExactly("A", "D", "C");
        assertThat(titles(list(http(), token, "orderBy", "PRIORITY DESC, number")))
                .as("most urgent first, as docs/filter-syntax.md promises")
                .containsExactly("C", "B", "E", "D", "A");
        assertThat(titles(list(http(), token, "orderBy", "priority, number desc")))
                .containsExactly("A", "D", "E", "B", "C");
        assertProblem(list(http(), token, "orderBy", "number, number"), 400);
    }

    @Test
    void theCursorWalksEveryPageWithoutGapsOrDuplicates() {
        UserView walkerUser = users.create(Role.USER);
        String walker = users.token(walkerUser);
        List<String> created = new ArrayList<>();
        List<String> high = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String priority = i % 2 == 0 ? "HIGH" : "LOW";
            String id = openFor(http(), adminToken, walkerUser, "Página " + i, priority, "Ticket número " + i)
                    .get("id")
                    .asString();
            created.add(0, id);
            if (i % 2 == 0) {
                high.add(0, id);
            }
        }
        assertThat(walk(walker, 10, null)).containsExactlyElementsOf(created);
        assertThat(walk(walker, 5, "priority=HIGH")).containsExactlyElementsOf(high);

        HttpResponse<String> third = http().json("GET", "/api/v1/tickets?size=10&page=2", walker, null);
        assertThat(ids(third)).containsExactlyElementsOf(created.subList(20, 25));
    }

    @Test
    void aBadCursorIsA400() {
        String broken = Base64.getUrlEncoder().encodeToString("2024|x".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("garbage", broken, "!!!", "x".repeat(201))) {
            assertProblem(list(http(), token, "cursor", cursor), 400);
        }
    }

    private List<String> walk(String walker, int size, String filter) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            List<String> params = new ArrayList<>(List.of("size", Integer.toString(size)));
            if (filter != null) {
                params.addAll(List.of("filter", filter));
            }
            if (cursor != null) {
                params.addAll(List.of("cursor", cursor));
            }
            StringBuilder path = new StringBuilder("/api/v1/tickets?");
            for (int i = 0; i < params.size(); i += 2) {
                path.append(params.get(i))
                        .append('=')
                        .append(TestHttp.encode(params.get(i + 1)))
                        .append('&');
            }
            HttpResponse<String> page = http().json("GET", path.toString(), walker, null);
            List<String> ids = ids(page);
            assertThat(ids.size()).isLessThanOrEqualTo(size);
            seen.addAll(ids);
            JsonNode next = TestHttp.parse(page).get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            assertThat(++pages).as("the walk ends").isLessThan(30);
        } while (cursor != null);
        assertThat(new HashSet<>(seen)).as("no duplicates").hasSize(seen.size());
        return seen;
    }

    private void ticket(String letter, String title, String priority) {
        JsonNode ticket = openFor(http(), adminToken, requester, title, priority, "Caso " + letter);
        numbers.put(letter, ticket.get("number").asLong());
    }

    private void assertFinds(String filter, String... letters) {
        assertThat(titles(list(http(), token, "filter", filter))).as(filter).containsExactlyInAnyOrder(letters);
    }

    /** The letters of the tickets of a page, from their numbers. */
    private List<String> titles(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> letters = new ArrayList<>();
        TestHttp.parse(page)
                .get("items")
                .forEach(item -> numbers.forEach((letter, number) -> {
                    if (number == item.get("number").asLong()) {
                        letters.add(letter);
                    }
                }));
        return letters;
    }

    private void assertPointsAt(String parameter, String expression, int position, String token) {
        HttpResponse<String> answer = list(http(), this.token, parameter, expression);
        assertProblem(answer, 400);
        JsonNode problem = TestHttp.parse(answer);
        assertThat(problem.get("position").asInt()).as(expression).isEqualTo(position);
        assertThat(problem.get("token").asString()).as(expression).isEqualTo(token);
    }
}
