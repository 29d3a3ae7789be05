package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A mistyped address is "not found" on the error page, for every signed-in role; pages never answer JSON. */
class UnknownPagesTests extends IntegrationTest {

    @Test
    void aMistypedAddressIsTheNotFoundPageEvenForAnAdministrator() {
        TestHttp admin = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        for (String path : new String[] {"/tikets", "/tickets/12/nothing-here", "/admin/catalogo"}) {
            HttpResponse<String> page = admin.get(path, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("text/html");
            assertThat(page.body()).as(path).contains("Página não encontrada").doesNotContain("Acesso negado");
        }
    }

    @Test
    void aMistypedAddressIsNotFoundForARequesterButAdminPagesStayDenied() {
        TestHttp requester = UiFixtures.signIn(http(), users.create(Role.USER));
        assertThat(requester.get("/tikets", "Accept", "text/html").statusCode()).isEqualTo(404);
        HttpResponse<String> admin = requester.get("/admin/users", "Accept", "text/html");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(requester.get("/admin/catalogo", "Accept", "text/html").statusCode())
                .as("what lies under /admin is not revealed")
                .isEqualTo(403);
    }
}
