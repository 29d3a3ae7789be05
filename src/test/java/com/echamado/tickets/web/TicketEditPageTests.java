package com.echamado.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.CatalogEntryRequest;
import com.echamado.catalog.CatalogEntryView;
import com.echamado.catalog.CatalogKind;
import com.echamado.catalog.Priority;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.Actor;
import com.echamado.tickets.NewTicket;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing a ticket from its page: who gets the form, errors beside the fields, and edits made on a stale form. */
class TicketEditPageTests extends IntegrationTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\"[^>]*value=\"(\\d+)\"");

    @Autowired
    TicketManagement tickets;

    @Autowired
    Catalog catalog;

    @Test
    void theRequesterEditsTheirOpenTicketFromItsPage() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Monitor"));
        TestHttp http = UiFixtures.signIn(http(), requester);
        assertThat(http.get("/tickets/" + ticket.number()).body()).contains("id=\"edit-ticket\"");
        String form = http.get("/tickets/" + ticket.number() + "/edit").body();
        assertThat(form).contains("Editar chamado #" + ticket.number()).contains(ticket.title());

        String title = UiFixtures.unique("Monitor piscando");
        LocalDate due = LocalDate.now().plusDays(3);
        Map<String, String> fields = fields(form, ticket, title);
        assertThat(form).as("priority and due date are the desk's").doesNotContain("id=\"priority\"", "id=\"dueDate\"");
        fields.put("subcategoryId", "");
        fields.put("priority", "URGENT");
        fields.put("dueDate", due.toString());
        HttpResponse<String> saved = http.postForm("/tickets/" + ticket.number() + "/edit", fields);
        assertThat(TestHttp.location(saved)).endsWith("/tickets/" + ticket.number());
        assertThat(http.get("/tickets/" + ticket.number()).body())
                .contains("Chamado atualizado.")
                .contains(title);
        TicketView now = tickets.get(actor(requester), ticket.id());
        assertThat(now.subcategoryId()).isNull();
        assertThat(now.priority()).as("a requester's priority is ignored").isEqualTo(ticket.priority());
        assertThat(now.dueAt()).as("a requester's due date is ignored").isNull();
    }

    @Test
    void errorsStandBesideTheFieldsAndKeepTheInput() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Teclado"));
        UserView agent = users.create(Role.SUPPORT);
        UiFixtures.agentOf(tickets, catalog, agent);
        TestHttp http = UiFixtures.signIn(http(), agent);
        String form = http.get("/tickets/" + ticket.number() + "/edit").body();
        Map<String, String> fields = fields(form, ticket, "ab");
        fields.put("description", "texto-mantido-789");
        fields.put("dueDate", LocalDate.now().minusDays(2).toString());
        HttpResponse<String> response = http.postForm("/tickets/" + ticket.number() + "/edit", fields);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("id=\"title-error\"")
                .contains("Use entre 5 e 200 caracteres.")
                .contains("O prazo deve estar no futuro.")
                .contains("texto-mantido-789");
        assertThat(tickets.get(actor(requester), ticket.id()).title()).isEqualTo(ticket.title());
    }

    @Test
    void anEditOnAStaleFormSaysSoKeepsTheInputAndAppliesOnSavingAgain() {
        UserView requester = users.create(Role.USER);
        UserView agent = users.create(Role.SUPPORT);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Rede"));
        Actor staff = UiFixtures.agentOf(tickets, catalog, agent);
        TestHttp http = UiFixtures.signIn(http(), agent);
        String form = http.get("/tickets/" + ticket.number() + "/edit").body();
        tickets.assign(staff, ticket.id(), ticket.version(), agent.id()); // someone else changes it meanwhile

        String title = UiFixtures.unique("Rede lenta no terceiro andar");
        HttpResponse<String> response =
                http.postForm("/tickets/" + ticket.number() + "/edit", fields(form, ticket, title));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("id=\"stale\"")
                .contains("Outra pessoa alterou este chamado enquanto você editava")
                .contains("value=\"" + title + "\"");
        assertThat(tickets.get(staff, ticket.id()).title()).isEqualTo(ticket.title());

        HttpResponse<String> again =
                http.postForm("/tickets/" + ticket.number() + "/edit", fields(response.body(), ticket, title));
        assertThat(TestHttp.location(again)).endsWith("/tickets/" + ticket.number());
        TicketView now = tickets.get(staff, ticket.id());
        assertThat(now.title()).isEqualTo(title);
        assertThat(now.assigneeId()).as("the other change stays").isEqualTo(agent.id());
    }

    @Test
    void othersGetNoEditLinkAndCannotEditByTypingTheUrl() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Alheio"));
        TestHttp stranger = UiFixtures.signIn(http(), users.create(Role.USER));
        assertThat(stranger.get("/tickets/" + ticket.number() + "/edit", "Accept", "text/html")
                        .statusCode())
                .isEqualTo(404);

        UserView agent = users.create(Role.SUPPORT);
        Actor staff = UiFixtures.agentOf(tickets, catalog, agent);
        TicketView closed = tickets.close(staff, ticket.id(), ticket.version());
        TestHttp owner = UiFixtures.signIn(http(), requester);
        assertThat(owner.get("/tickets/" + ticket.number()).body()).doesNotContain("id=\"edit-ticket\"");
        String csrf = TestHttp.csrf(owner.get("/tickets/new").body());
        Map<String, String> fields = new HashMap<>(Map.of("_csrf", csrf, "version", Long.toString(closed.version())));
        fields.putAll(Map.of(
                "title", "Tentativa de edição",
                "description", "x",
                "typeId", UiFixtures.INCIDENT.toString(),
                "categoryId", UiFixtures.HARDWARE.toString(),
                "priority", "LOW"));
        HttpResponse<String> post = owner.postForm("/tickets/" + ticket.number() + "/edit", fields);
        assertThat(TestHttp.location(post)).endsWith("/tickets/" + ticket.number());
        assertThat(owner.get("/tickets/" + ticket.number()).body()).contains("O chamado está fechado");
        assertThat(tickets.get(staff, ticket.id()).title()).isEqualTo(ticket.title());
    }

    @Test
    void aTicketWhoseCategoryWasDisabledSinceCanStillBeEdited() {
        UserView requester = users.create(Role.USER);
        CatalogEntryView legacy = catalog.create(
                CatalogKind.CATEGORY,
                new CatalogEntryRequest(
                        UiFixtures.unique("Legado"),
                        null,
                        null,
                        null,
                        null,
                        0,
                        false,
                        false,
                        false,
                        false,
                        null,
                        false));
        TicketView ticket = tickets.open(
                actor(requester),
                new NewTicket(
                        UiFixtures.unique("Antigo"),
                        "Descrição",
                        UiFixtures.INCIDENT,
                        legacy.id(),
                        null,
                        UiFixtures.SUPPORT_DEPARTMENT,
                        Priority.LOW,
                        null,
                        null));
        catalog.disable(CatalogKind.CATEGORY, legacy.id());
        TestHttp http = UiFixtures.signIn(http(), requester);
        String form = http.get("/tickets/" + ticket.number() + "/edit").body();
        assertThat(form).contains("<option value=\"" + legacy.id() + "\" selected=\"selected\">" + legacy.name());

        String title = UiFixtures.unique("Antigo e corrigido");
        HttpResponse<String> saved =
                http.postForm("/tickets/" + ticket.number() + "/edit", fields(form, ticket, title));
        assertThat(TestHttp.location(saved)).endsWith("/tickets/" + ticket.number());
        TicketView now = tickets.get(actor(requester), ticket.id());
        assertThat(now.title()).isEqualTo(title);
        assertThat(now.categoryId()).isEqualTo(legacy.id());
    }

    private Actor actor(UserView user) {
        return tickets.actor(user.id(), false, false);
    }

    /** The form as the page filled it, with another title. */
    private static Map<String, String> fields(String page, TicketView ticket, String title) {
        Matcher version = VERSION.matcher(page);
        assertThat(version.find()).as("version field").isTrue();
        Map<String, String> out = new HashMap<>();
        out.put("_csrf", TestHttp.csrf(page));
        out.put("version", version.group(1));
        out.put("title", title);
        out.put("description", ticket.description());
        out.put("typeId", ticket.typeId().toString());
        out.put("categoryId", ticket.categoryId().toString());
        out.put(
                "subcategoryId",
                ticket.subcategoryId() == null ? "" : ticket.subcategoryId().toString());
        out.put("priority", ticket.priority().name());
        out.put("dueDate", "");
        return out;
    }
}
