package com.echamado.comments.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.comments.CommentView;
import com.echamado.comments.Comments;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing and deleting messages of the conversation, through htmx and without it. */
class CommentActionsTests extends IntegrationTest {

    private static final String[] HTMX = {"HX-Request", "true"};

    @Autowired
    TicketManagement tickets;

    @Autowired
    Comments comments;

    @Autowired
    Catalog catalog;

    @Test
    void theAuthorEditsTheirReplyInPlace() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Mouse"));
        CommentView reply = comments.add(actor(requester), ticket.id(), "texto-original-111", false);
        TestHttp http = UiFixtures.signIn(http(), requester);
        String page = http.get(path(ticket)).body();
        assertThat(page).contains("class=\"edit-comment\"").contains("delete-comment");

        String editor = http.get(path(ticket) + "/comments/" + reply.id() + "/edit", HTMX)
                .body();
        assertThat(editor).startsWith("<li").contains("<textarea").contains("texto-original-111");
        HttpResponse<String> saved = http.postForm(
                path(ticket) + "/comments/" + reply.id(),
                Map.of("_csrf", TestHttp.csrf(editor), "body", "texto-corrigido-222"),
                HTMX);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body())
                .startsWith("<li")
                .contains("texto-corrigido-222")
                .contains("(editada)")
                .doesNotContain("<textarea");
        assertThat(http.get(path(ticket)).body())
                .contains("<div class=\"prose\">texto-corrigido-222</div>")
                .doesNotContain("<div class=\"prose\">texto-original-111</div>");
    }

    @Test
    void aBlankEditStaysInTheEditorWithAMessage() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Cabo"));
        CommentView reply = comments.add(actor(requester), ticket.id(), "texto-333", false);
        TestHttp http = UiFixtures.signIn(http(), requester);
        String csrf = TestHttp.csrf(http.get(path(ticket)).body());
        HttpResponse<String> refused =
                http.postForm(path(ticket) + "/comments/" + reply.id(), Map.of("_csrf", csrf, "body", "  "), HTMX);
        assertThat(refused.body()).contains("<textarea").contains("Escreva uma mensagem de até 10.000 caracteres.");

        HttpResponse<String> plain =
                http.postForm(path(ticket) + "/comments/" + reply.id(), Map.of("_csrf", csrf, "body", ""));
        String back = TestHttp.location(plain).replaceAll("#.*", "");
        assertThat(back).contains("editComment=" + reply.id());
        assertThat(http.get(back).body())
                .contains("<textarea id=\"comment-body-" + reply.id())
                .contains("Escreva uma mensagem de até 10.000 caracteres.");
        assertThat(comments.list(actor(requester), ticket.id()).get(0).body()).isEqualTo("texto-333");
    }

    @Test
    void othersCannotEditAMessageTheyDidNotWrite() {
        UserView requester = users.create(Role.USER);
        UserView agent = users.create(Role.SUPPORT);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Tela"));
        UiFixtures.agentOf(tickets, catalog, agent);
        CommentView reply = comments.add(actor(requester), ticket.id(), "do-solicitante-444", false);
        TestHttp http = UiFixtures.signIn(http(), agent);
        String page = http.get(path(ticket)).body();
        assertThat(page)
                .contains("do-solicitante-444")
                .doesNotContain("edit-comment")
                .doesNotContain("delete-comment");
        HttpResponse<String> refused = http.postForm(
                path(ticket) + "/comments/" + reply.id(),
                Map.of("_csrf", TestHttp.csrf(page), "body", "alterado"),
                HTMX);
        assertThat(refused.body()).contains("Só o autor pode editar esta mensagem.");
        assertThat(comments.list(actor(requester), ticket.id()).get(0).body()).isEqualTo("do-solicitante-444");
    }

    @Test
    void theAuthorDeletesTheirMessage() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Som"));
        CommentView reply = comments.add(actor(requester), ticket.id(), "para-apagar-555", false);
        TestHttp http = UiFixtures.signIn(http(), requester);
        String csrf = TestHttp.csrf(http.get(path(ticket)).body());
        HttpResponse<String> deleted =
                http.postForm(path(ticket) + "/comments/" + reply.id() + "/delete", Map.of("_csrf", csrf), HTMX);
        assertThat(deleted.body()).contains("Mensagem excluída.");
        assertThat(http.get(path(ticket)).body()).doesNotContain("id=\"comment-" + reply.id());
    }

    @Test
    void aRequesterCannotReachAnInternalNoteByItsId() {
        UserView requester = users.create(Role.USER);
        UserView agent = users.create(Role.SUPPORT);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Nota"));
        Actor staff = UiFixtures.agentOf(tickets, catalog, agent);
        CommentView note = comments.add(staff, ticket.id(), "nota-interna-666", true);
        TestHttp http = UiFixtures.signIn(http(), requester);
        String csrf = TestHttp.csrf(http.get(path(ticket)).body());
        for (String view : new String[] {"", "/edit"}) {
            HttpResponse<String> response = http.get(path(ticket) + "/comments/" + note.id() + view, HTMX);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("nota-interna-666");
        }
        assertThat(http.postForm(path(ticket) + "/comments/" + note.id(), Map.of("_csrf", csrf, "body", "x"), HTMX)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.postForm(path(ticket) + "/comments/" + note.id() + "/delete", Map.of("_csrf", csrf), HTMX)
                        .statusCode())
                .isEqualTo(404);
        assertThat(comments.list(staff, ticket.id()))
                .extracting(CommentView::body)
                .contains("nota-interna-666");
    }

    private Actor actor(UserView user) {
        return tickets.actor(user.id(), false, false);
    }

    private static String path(TicketView ticket) {
        return "/tickets/" + ticket.number();
    }
}
