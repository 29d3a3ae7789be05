package com.echamado.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import java.net.http.HttpResponse;
import java.util.UUID;
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

    @Test
    void anOnHoldStatusIsMarkedInTheListAndItsFormHasTheBoxTicked() {
        var admin = users.create(Role.ADMIN);
        String name = "Em espera " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/catalog/statuses",
                        users.token(admin),
                        "{\"name\":\"" + name + "\",\"onHold\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = TestHttp.parse(created).get("id").asString();
        TestHttp http = UiFixtures.signIn(http(), admin);
        String page = http.get("/admin/catalog/statuses").body();
        assertThat(UiFixtures.row(page, "data-name=\"" + name + "\"")).contains(">Em espera<");
        assertThat(UiFixtures.row(page, "data-name=\"Aguardando cliente\"")).doesNotContain(">Em espera<");
        assertThat(http.get("/admin/catalog/statuses/" + id + "/edit").body())
                .containsPattern("id=\"onHold1\"[^>]*checked")
                .contains("Em espera (pausa os prazos de SLA");
        http().json("POST", "/api/v1/catalog/statuses/" + id + "/disable", users.token(admin), null);
    }
}
