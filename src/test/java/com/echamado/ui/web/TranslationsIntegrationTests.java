package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.comments.CommentView;
import com.echamado.comments.Comments;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.TestUsers;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.JsonNode;

/**
 * Each reader gets one language: pages in the language chosen in the UI, the API in that of {@code Accept-Language};
 * identity rules, field errors, the first administrator and catalog names included.
 */
class TranslationsIntegrationTests extends IntegrationTest {

    private static final String COMMON_PASSWORD = "password1234";

    @Autowired
    TicketManagement tickets;

    @Autowired
    Comments comments;

    @Autowired
    Catalog catalog;

    @Autowired
    UserManagement people;

    @Test
    void passwordRulesAreExplainedInTheLanguageOfThePage() {
        TestHttp portuguese = http();
        assertThat(register(portuguese, COMMON_PASSWORD))
                .contains("Esta senha é comum demais; escolha outra.")
                .doesNotContain("too common");
        assertThat(register(portuguese, "Curta-1"))
                .contains("A senha precisa de pelo menos 12 caracteres.")
                .doesNotContain("needs at least");

        TestHttp english = http();
        english.get("/login?lang=en");
        assertThat(register(english, COMMON_PASSWORD)).contains("This password is too common; choose another one.");

        TestHttp signedIn = UiFixtures.signIn(http(), users.create(Role.USER));
        assertThat(changePassword(signedIn, "not-my-password", "Outra-Senha-Longa-2026"))
                .contains("A senha atual não está correta.")
                .doesNotContain("not correct");
        assertThat(changePassword(signedIn, TestUsers.PASSWORD, TestUsers.PASSWORD))
                .contains("A nova senha deve ser diferente da atual.");
    }

    @Test
    void apiErrorsFollowAcceptLanguage() {
        String token = users.token(users.create(Role.USER));
        String invalidTicket = TestHttp.NEW_TICKET.formatted("");

        JsonNode english = problem(
                http().jsonWithHeader("POST", "/api/v1/tickets", token, invalidTicket, "Accept-Language", "en-US"));
        assertThat(english.get("title").asString()).isEqualTo("Invalid request");
        assertThat(messageOf(english, "title")).contains("Fill in this field.", "Use 5 to 200 characters.");

        JsonNode portuguese = problem(http().json("POST", "/api/v1/tickets", token, invalidTicket));
        assertThat(portuguese.get("title").asString()).isEqualTo("Requisição inválida");
        assertThat(messageOf(portuguese, "title")).contains("Preencha este campo.", "Use entre 5 e 200 caracteres.");

        String wrongCurrent = "{\"currentPassword\":\"not-mine\",\"newPassword\":\"Outra-Senha-Longa-2026\"}";
        assertThat(messageOf(
                        problem(http().jsonWithHeader(
                                        "POST", "/api/v1/me/password", token, wrongCurrent, "Accept-Language", "en")),
                        "currentPassword"))
                .containsExactly("The current password is not correct.");
        String common =
                "{\"currentPassword\":\"" + TestUsers.PASSWORD + "\",\"newPassword\":\"" + COMMON_PASSWORD + "\"}";
        assertThat(messageOf(
                        problem(http().jsonWithHeader(
                                        "POST", "/api/v1/me/password", token, common, "Accept-Language", "pt-BR")),
                        "newPassword"))
                .containsExactly("Esta senha é comum demais; escolha outra.");
    }

    @Test
    void theFirstAdministratorIsNamedInTheInstallationsLanguage() {
        UserView first = people.search("admin@echamado.test", PageRequest.of(0, 1))
                .getContent()
                .get(0);
        assertThat(first.fullName()).isEqualTo("Administrador");
    }

    @Test
    void catalogEntriesShowTheirEnglishNameToEnglishReadersAndThePortugueseOneOtherwise() {
        TestHttp english = UiFixtures.signIn(http(), users.create(Role.USER));
        english.get("/?lang=en");
        TestHttp portuguese = UiFixtures.signIn(http(), users.create(Role.USER));
        assertThat(english.get("/tickets/new").body()).contains(">Incident<", ">Technical Support<", ">Hardware<");
        assertThat(portuguese.get("/tickets/new").body()).contains(">Incidente<", ">Suporte Técnico<");

        String admin = users.token(users.create(Role.ADMIN));
        String name = UiFixtures.unique("Financeiro");
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/catalog/departments",
                        admin,
                        "{\"name\":\"" + name + "\",\"nameEn\":\"Finance " + name.substring(11) + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(TestHttp.parse(created).get("nameEn").asString()).startsWith("Finance ");
        String untranslated = UiFixtures.unique("Jurídico");
        http().json("POST", "/api/v1/catalog/departments", admin, "{\"name\":\"" + untranslated + "\"}");

        assertThat(english.get("/tickets/new").body())
                .contains("Finance " + name.substring(11))
                .doesNotContain(name)
                .contains(untranslated);
        assertThat(portuguese.get("/tickets/new").body()).contains(name).doesNotContain("Finance ");
    }

    @Test
    void anAdministratorGivesAnEntryItsEnglishNameOnTheCatalogForm() {
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        String form = http.get("/admin/catalog/ticket-types/new").body();
        assertThat(form).contains("id=\"nameEn\"", "Nome em inglês (opcional)");
        String name = UiFixtures.unique("Melhoria");
        HttpResponse<String> saved = http.postForm(
                "/admin/catalog/ticket-types/new",
                Map.of(
                        "_csrf",
                        TestHttp.csrf(form),
                        "name",
                        name,
                        "nameEn",
                        "Improvement " + name.substring(9),
                        "description",
                        "",
                        "displayOrder",
                        "0"));
        assertThat(saved.statusCode()).isEqualTo(302);
        http.get("/?lang=en");
        assertThat(http.get("/tickets/new").body()).contains("Improvement " + name.substring(9));
    }

    /**
     * Every page as each kind of visitor, and a set of API problems, in both languages: no key missing from a bundle
     * (Thymeleaf's {@code ??key_pt_BR??}) and no phrase of the other language.
     */
    @Test
    void everyPageAndProblemSpeaksOnlyTheReadersLanguage() {
        UserView admin = users.create(Role.ADMIN);
        UserView agent = users.create(Role.SUPPORT);
        UserView requester = users.create(Role.USER);
        Actor agentActor = UiFixtures.agentOf(tickets, catalog, agent);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Impressora"));
        CommentView reply = comments.add(agentActor, ticket.id(), "Resposta", false);
        long n = ticket.number();

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("anonymous", List.of("/login", "/login?error", "/login?registered", "/register"));
        List<String> signedIn = List.of(
                "/",
                "/tickets",
                "/tickets?closed=true",
                "/tickets/" + n,
                "/tickets/999999999",
                "/account/profile",
                "/account/password");
        List<String> adminPages = new ArrayList<>(signedIn);
        adminPages.addAll(List.of(
                "/tickets/new",
                "/tickets/" + n + "/edit",
                "/admin/users",
                "/admin/users/new",
                "/admin/users/" + agent.id(),
                "/admin/clients",
                "/admin/catalog/departments/" + UiFixtures.SUPPORT_DEPARTMENT + "/edit"));
        for (String kind : List.of("departments", "categories", "ticket-types", "statuses")) {
            adminPages.add("/admin/catalog/" + kind);
            adminPages.add("/admin/catalog/" + kind + "/new");
        }
        pages.put("admin", adminPages);
        List<String> agentPages = new ArrayList<>(signedIn);
        agentPages.addAll(List.of(
                "/tickets/" + n + "/edit",
                "/tickets/" + n + "/comments/" + reply.id(),
                "/tickets/" + n + "?editComment=" + reply.id(),
                "/admin/users"));
        pages.put("agent", agentPages);
        List<String> requesterPages = new ArrayList<>(signedIn);
        requesterPages.add("/tickets/new");
        pages.put("requester", requesterPages);
        Map<String, UserView> who = Map.of("admin", admin, "agent", agent, "requester", requester);

        List<String> problems = new ArrayList<>();
        for (String language : List.of("pt", "en")) {
            for (var entry : pages.entrySet()) {
                TestHttp http = http();
                http.get("/login?lang=" + ("en".equals(language) ? "en" : "pt-BR"));
                if (who.containsKey(entry.getKey())) {
                    UiFixtures.signIn(http, who.get(entry.getKey()));
                }
                for (String path : entry.getValue()) {
                    HttpResponse<String> page = http.get(path, "Accept", "text/html");
                    assertThat(page.statusCode())
                            .as(entry.getKey() + " " + path)
                            .isIn(200, 403, 404);
                    report(problems, language + " " + entry.getKey() + " " + path, page.body(), language);
                }
            }
            TestHttp anonymous = http();
            anonymous.get("/login?lang=" + ("en".equals(language) ? "en" : "pt-BR"));
            report(problems, language + " register", register(anonymous, COMMON_PASSWORD), language);
            TestHttp requesterSession = http();
            requesterSession.get("/login?lang=" + ("en".equals(language) ? "en" : "pt-BR"));
            UiFixtures.signIn(requesterSession, requester);
            report(
                    problems,
                    language + " password change",
                    changePassword(requesterSession, "not-mine", "curta"),
                    language);
            for (var call : apiProblems(requester, admin).entrySet()) {
                HttpResponse<String> response = http().jsonWithHeader(
                                call.getValue()[0],
                                call.getValue()[1],
                                call.getValue()[2],
                                call.getValue()[3],
                                "Accept-Language",
                                "en".equals(language) ? "en" : "pt-BR");
                assertThat(response.statusCode()).as(call.getKey()).isBetween(400, 499);
                Bundles.leaks(response.body(), language)
                        .forEach(leak -> problems.add(language + " API " + call.getKey() + ": " + leak));
                Bundles.notFromBundle(language, texts(TestHttp.parse(response)))
                        .forEach(leak -> problems.add(language + " API " + call.getKey() + ": " + leak));
                assertThat(response.body())
                        .as(call.getKey())
                        .doesNotContainPattern("\"(identity|problem|ticket|admin)\\.[a-z.-]+\"");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void report(List<String> problems, String where, String html, String language) {
        Bundles.leaks(html, language).forEach(leak -> problems.add(where + ": " + leak));
        Bundles.notFromBundle(language, Bundles.reported(html)).forEach(leak -> problems.add(where + ": " + leak));
    }

    /** What a person reads in a problem: its title, detail and the messages of its field errors. */
    private static List<String> texts(JsonNode problem) {
        List<String> out = new ArrayList<>();
        out.add(problem.get("title").asString());
        out.add(problem.get("detail").asString());
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> out.add(error.get("message").asString()));
        }
        return out;
    }

    /** Name → method, path, token, body. */
    private Map<String, String[]> apiProblems(UserView requester, UserView admin) {
        String user = users.token(requester);
        String root = users.token(admin);
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("blank ticket", new String[] {"POST", "/api/v1/tickets", user, TestHttp.NEW_TICKET.formatted("")});
        calls.put("wrong type", new String[] {"GET", "/api/v1/tickets?openedFrom=yesterday", user, null});
        calls.put("wrong current password", new String[] {
            "POST", "/api/v1/me/password", user, "{\"currentPassword\":\"x\",\"newPassword\":\"Outra-Senha-2026\"}"
        });
        calls.put("short password", new String[] {
            "POST",
            "/api/v1/me/password",
            user,
            "{\"currentPassword\":\"" + TestUsers.PASSWORD + "\",\"newPassword\":\"curta\"}"
        });
        calls.put("user without role", new String[] {
            "POST",
            "/api/v1/users",
            root,
            "{\"email\":\"r-" + UUID.randomUUID() + "@example.test\",\"fullName\":\"R\",\"roles\":[]}"
        });
        calls.put(
                "catalog entry too long",
                new String[] {"POST", "/api/v1/catalog/departments", root, "{\"name\":\"" + "x".repeat(101) + "\"}"});
        return calls;
    }

    private String register(TestHttp http, String password) {
        String csrf = TestHttp.csrf(http.get("/register").body());
        HttpResponse<String> page = http.postForm(
                "/register",
                Map.of(
                        "email",
                        "r-" + UUID.randomUUID() + "@example.test",
                        "fullName",
                        "Rita",
                        "password",
                        password,
                        "_csrf",
                        csrf));
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static String changePassword(TestHttp http, String current, String next) {
        String csrf = TestHttp.csrf(http.get("/account/password").body());
        HttpResponse<String> page = http.postForm(
                "/account/password", Map.of("currentPassword", current, "newPassword", next, "_csrf", csrf));
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return TestHttp.parse(response);
    }

    /** The messages of the field's errors. */
    private static List<String> messageOf(JsonNode problem, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode error : problem.get("errors")) {
            if (field.equals(error.get("field").asString())) {
                out.add(error.get("message").asString());
            }
        }
        return out;
    }
}
