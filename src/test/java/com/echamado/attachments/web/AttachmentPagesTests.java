package com.echamado.attachments.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The files' section of the ticket page: several files from one field, their links, a visible refusal, removal. */
class AttachmentPagesTests extends IntegrationTest {

    @Autowired
    TicketManagement tickets;

    @Test
    void theRequesterAttachesSeveralFilesAndDownloadsThemFromThePage() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Tela"));
        TestHttp http = UiFixtures.signIn(http(), requester);
        String page = http.get(path(ticket)).body();
        assertThat(page)
                .contains("id=\"attachments\"")
                .contains("Nenhum anexo.")
                .contains("multiple");

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("erro.txt", "falha ao imprimir".getBytes());
        files.put("tela.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0});
        HttpResponse<String> sent =
                http.postMultipart(path(ticket) + "/attachments", Map.of("_csrf", TestHttp.csrf(page)), "files", files);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        String after = http.get(TestHttp.location(sent)).body();
        assertThat(after)
                .contains("Arquivos anexados.")
                .contains(">erro.txt</a>")
                .contains(">tela.png</a>");
        String link = after.replaceAll(
                "(?s).*href=\"(/tickets/" + ticket.number() + "/attachments/[^\"]+)\">erro.txt.*", "$1");
        HttpResponse<String> download = http.get(link);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("falha ao imprimir");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(download.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");

        HttpResponse<String> removed = http.postForm(link + "/delete", Map.of("_csrf", TestHttp.csrf(after)));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(http.get(path(ticket)).body()).contains("Anexo removido.").doesNotContain(">erro.txt</a>");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAMessageOnThePage() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Grande"));
        TestHttp http = UiFixtures.signIn(http(), requester);
        String page = http.get(path(ticket)).body();
        HttpResponse<String> sent = http.postMultipart(
                path(ticket) + "/attachments",
                Map.of("_csrf", TestHttp.csrf(page)),
                "files",
                Map.of("grande.bin", new byte[20 * 1024 * 1024 + 1]));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(http.get(TestHttp.location(sent)).body())
                .contains("O arquivo passa do limite de 20 MB e não foi anexado.")
                .contains("Nenhum anexo.");
    }

    @Test
    void anotherRequesterCannotDownloadFromThePage() {
        UserView requester = users.create(Role.USER);
        TicketView ticket = UiFixtures.open(tickets, requester, UiFixtures.unique("Alheio"));
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.USER));
        assertThat(http.get(path(ticket) + "/attachments/" + java.util.UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }

    private static String path(TicketView ticket) {
        return "/tickets/" + ticket.number();
    }
}
