package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.comments.Comments;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pages over real HTTP with a session: form validation, access by typed URL, stale changes, notes, errors. */
class UiPagesIntegrationTests extends IntegrationTest {

    @Autowired
    TicketManagement tickets;

    @Autowired
    Comments comments;

    @Autowired
    Catalog catalog;

    private TestHttp signedIn(UserView user) {
        TestHttp http = http();
        HttpResponse<String> login = http.login(user.email(), TestUsers.PASSWORD);
        assertThat(TestHttp.location(login)).doesNotContain("error");
        return http;
    }

    @Test
    void newTicketFormShowsValidationMessagesBesideTheFields() {
        TestHttp http = signedIn(users.create(Role.USER));
        String csrf = TestHttp.csrf(http.get("/tickets/new").body());
        HttpResponse<String> response = http.postForm(
                "/tickets/new", Map.of("_csrf", csrf, "title", "ab", "description", "", "priority", "NORMAL"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("id=\"title-error\"")
                .contains("Use entre 5 e 200 caracteres.")
                .contains("id=\"description-error\"")
                .contains("Preencha este campo.")
                .contains("Escolha uma opção.");
    }

    @Test
    void requesterCannotOpenSomeoneElsesTicketByTypingItsUrl() {
        TicketView other = UiFixtures.open(tickets, users.create(Role.USER), UiFixtures.unique("Alheio"));
        TestHttp http = signedIn(users.create(Role.USER));
        HttpResponse<String> response = http.get("/tickets/" + other.number(), "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Página não encontrada").doesNotContain(other.title());
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.body()).contains(requestId);
        String csrf = TestHttp.csrf(http.get("/tickets/new").body());
        HttpResponse<String> reply =
                http.postForm("/tickets/" + other.number() + "/comments", Map.of("_csrf", csrf, "body", "intrusion"));
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(comments.list(tickets.actor(other.requesterId(), false, false), other.id()))
                .isEmpty();
    }

    @Test
    void requesterAndAgentCannotReachAdminPagesByTypingTheirUrls() {
        for (Role role : List.of(Role.USER, Role.SUPPORT)) {
            TestHttp http = signedIn(users.create(role));
            for (String path : List.of(
                    "/admin/catalog",
                    "/admin/catalog/categories",
                    "/admin/catalog/categories/new",
                    "/admin/users",
                    "/admin/users/new",
                    "/admin/clients")) {
                HttpResponse<String> response = http.get(path, "Accept", "text/html");
                assertThat(response.statusCode()).as(role + " " + path).isEqualTo(403);
                assertThat(response.body()).contains("Acesso negado");
            }
            String csrf = TestHttp.csrf(http.get("/tickets/new").body());
            assertThat(http.postForm("/admin/catalog/categories/new", Map.of("_csrf", csrf, "name", "Hack"))
                            .statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void requesterSeesRepliesButNeverInternalNotes() {
        UserView requester = users.create(Role.USER);
        UserView agent = users.create(Role.SUPPORT);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Notas"));
        Actor staff = UiFixtures.agentOf(tickets, catalog, agent);
        comments.add(staff, ticket.id(), "nota-secreta-123", true);
        comments.add(staff, ticket.id(), "resposta-publica-456", false);

        String asRequester =
                signedIn(requester).get("/tickets/" + ticket.number()).body();
        assertThat(asRequester)
                .contains("resposta-publica-456")
                .doesNotContain("nota-secreta-123")
                .doesNotContain("send-note")
                .contains("Descrição &lt;b&gt;com&lt;/b&gt; marcação");
        String asAgent = signedIn(agent).get("/tickets/" + ticket.number()).body();
        assertThat(asAgent).contains("nota-secreta-123").contains("resposta-publica-456");
    }

    @Test
    void aChangeOnAStalePageIsRefusedWithAClearMessage() {
        UserView requester = users.create(Role.USER);
        UserView agent = users.create(Role.SUPPORT);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Versão"));
        Actor staff = UiFixtures.agentOf(tickets, catalog, agent);
        TestHttp http = signedIn(agent);
        String page = http.get("/tickets/" + ticket.number()).body();
        String csrf = TestHttp.csrf(page);
        tickets.assign(staff, ticket.id(), ticket.version(), agent.id()); // someone else changes it meanwhile

        Map<String, String> form = new HashMap<>(Map.of("_csrf", csrf, "version", Long.toString(ticket.version())));
        form.put("resolution", "Trocado o cabo");
        HttpResponse<String> post = http.postForm("/tickets/" + ticket.number() + "/resolve", form);
        assertThat(TestHttp.location(post)).endsWith("/tickets/" + ticket.number());
        assertThat(http.get("/tickets/" + ticket.number()).body())
                .contains("foi alterado por outra pessoa enquanto você o via");
        assertThat(tickets.get(staff, ticket.id()).resolvedAt()).isNull();
    }

    @Test
    void pagesSpeakEnglishOnRequestAndRememberIt() {
        TestHttp http = signedIn(users.create(Role.USER));
        assertThat(http.get("/?lang=en").body()).contains("Dashboard").contains("My tickets");
        assertThat(http.get("/tickets").body()).contains("Saved views");
        assertThat(http.get("/?lang=pt-BR").body()).contains("Painel").contains("Meus chamados");
    }

    @Test
    void staticAssetsComeFromWebJarsWithoutInlineScript() {
        TestHttp http = signedIn(users.create(Role.USER));
        String page = http.get("/").body();
        assertThat(page)
                .contains("/webjars/htmx.org/")
                .contains("/webjars/chart.js/")
                .doesNotContain("<script>")
                .doesNotContain("style=\"");
        assertThat(http.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(http.get("/webjars/chart.js/dist/chart.umd.min.js").statusCode())
                .isEqualTo(200);
    }

    /**
     * First-load weight of the heaviest page (the dashboard: HTML, stylesheet, htmx, Chart.js and our two scripts),
     * uncompressed; and the time of each main page over loopback after a warm-up (an upper bound of server time).
     */
    @Test
    void mainPagesStayLightAndQuick() throws Exception {
        UserView agent = users.create(Role.SUPPORT);
        TicketView ticket = UiFixtures.open(tickets, users.create(Role.USER), UiFixtures.unique("Medida"));
        UiFixtures.agentOf(tickets, catalog, agent);
        TestHttp http = signedIn(agent);
        String html = http.get("/").body();
        long bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        long gzipped = gzip(html);
        java.util.regex.Matcher asset = java.util.regex.Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"]+)\"")
                .matcher(html);
        while (asset.find()) {
            String body = http.get(asset.group(1)).body();
            bytes += body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            gzipped += gzip(body);
        }
        System.out.printf("first load of /: %d bytes uncompressed, about %d bytes gzipped%n", bytes, gzipped);
        assertThat(bytes).isLessThanOrEqualTo(300 * 1024);
        for (String path : List.of("/", "/tickets", "/tickets?view=unassigned", "/tickets/" + ticket.number())) {
            http.get(path);
            long start = System.nanoTime();
            int runs = 10;
            for (int i = 0; i < runs; i++) {
                assertThat(http.get(path).statusCode()).isEqualTo(200);
            }
            double ms = (System.nanoTime() - start) / 1e6 / runs;
            System.out.printf("GET %s: %.1f ms average over %d requests%n", path, ms, runs);
            assertThat(ms).as(path).isLessThan(500);
        }
    }

    private static long gzip(String text) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.size();
    }
}
