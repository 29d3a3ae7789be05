package com.echamado.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import org.junit.jupiter.api.Test;

/** The administrator's catalog pages, over HTTP with a session. */
class CatalogAdminPagesTests extends IntegrationTest {

    @Test
    void theStatusListShowsWhichStatusIsInitialResolvingAndFinal() {
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        String page = http.get("/admin/catalog/statuses").body();
        assertThat(UiFixtures.row(page, "data-name=\"Aberto\"")).contains(">Inicial<");
        assertThat(UiFixtures.row(page, "data-name=\"Resolvido\""))
                .contains(">Resolução<")
                .doesNotContain(">Inicial<");
        assertThat(UiFixtures.row(page, "data-name=\"Fechado\"")).contains(">Final<");
        assertThat(UiFixtures.row(page, "data-name=\"Aguardando cliente\"")).contains(">Aguarda o cliente<");

        String waiting = http.get("/admin/catalog/statuses/00000000-0000-4000-8000-000000000103/edit")
                .body();
        assertThat(waiting)
                .containsPattern("id=\"awaitsCustomer1\"[^>]*checked")
                .containsPattern("value=\"00000000-0000-4000-8000-000000000102\" selected=\"selected\"");
    }
}
