package com.echamado.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestDatabase;
import com.echamado.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

class CatalogIntegrationTests extends IntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    Catalog catalog;

    static final String HARDWARE = "00000000-0000-4000-8000-000000000401";

    @Test
    void aFreshInstallationHasPortugueseDefaultsEveryUserCanRead() {
        String requester = users.token(users.create(Role.USER));
        JsonNode statuses = TestHttp.parse(http().json("GET", "/api/v1/catalog/statuses", requester, null));
        assertThat(statuses.findValuesAsString("name"))
                .contains("Aberto", "Em andamento", "Aguardando cliente", "Resolvido", "Fechado");
        assertThat(statuses.get(0).get("initial").asBoolean()).isTrue();
        assertThat(TestHttp.parse(http().json("GET", "/api/v1/catalog/departments", requester, null))
                        .findValuesAsString("name"))
                .contains("Suporte Técnico");
        assertThat(http().json("GET", "/api/v1/catalog/planets", requester, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void catalogListsAreCachedInRedisAndAWriteEvictsThem() {
        String admin = users.token(users.create(Role.ADMIN));
        http().json("GET", "/api/v1/catalog/ticket-types", admin, null);
        String prefix = "echamado-test-" + TestDatabase.RUN_ID + ":cache:";
        assertThat(redis.keys(prefix + "*")).anyMatch(key -> key.contains("TICKET_TYPE"));
        String name = "Cache " + UUID.randomUUID().toString().substring(0, 6);
        http().json("POST", "/api/v1/catalog/ticket-types", admin, "{\"name\":\"" + name + "\"}");
        assertThat(http().json("GET", "/api/v1/catalog/ticket-types", admin, null)
                        .body())
                .as("the list after a write shows it, on this and every other replica")
                .contains(name);
    }

    @Test
    void onlyAdministratorsWrite() {
        String agent = users.token(users.create(Role.SUPPORT));
        HttpResponse<String> refused =
                http().json("POST", "/api/v1/catalog/departments", agent, "{\"name\":\"Financeiro\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void namesAreUniqueCaseInsensitivelyAmongActiveEntriesOfTheSameScope() {
        String admin = users.token(users.create(Role.ADMIN));
        String name = "Compras " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> first =
                http().json("POST", "/api/v1/catalog/departments", admin, "{\"name\":\"" + name + "\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> duplicate =
                http().json("POST", "/api/v1/catalog/departments", admin, "{\"name\":\"" + name.toUpperCase() + "\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);

        String id = TestHttp.parse(first).get("id").asString();
        assertThat(http().json("POST", "/api/v1/catalog/departments/" + id + "/disable", admin, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http().json("POST", "/api/v1/catalog/departments", admin, "{\"name\":\"" + name + "\"}")
                        .statusCode())
                .as("a disabled entry frees its name")
                .isEqualTo(201);
        assertThat(http().json("POST", "/api/v1/catalog/departments/" + id + "/enable", admin, null)
                        .statusCode())
                .as("re-enabling would duplicate an active name")
                .isEqualTo(409);
    }

    @Test
    void aSubcategoryBelongsToAnExistingCategory() {
        String admin = users.token(users.create(Role.ADMIN));
        String name = "Monitor " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = http().json(
                        "POST",
                        "/api/v1/catalog/subcategories",
                        admin,
                        "{\"name\":\"" + name + "\",\"parentId\":\"" + HARDWARE + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> orphan =
                http().json("POST", "/api/v1/catalog/subcategories", admin, "{\"name\":\"Sem pai\"}");
        assertThat(orphan.statusCode()).isEqualTo(400);
        assertThat(orphan.body()).contains("\"field\":\"parentId\"");
        HttpResponse<String> wrongParent = http().json(
                        "POST",
                        "/api/v1/catalog/subcategories",
                        admin,
                        "{\"name\":\"Filho\",\"parentId\":\"00000000-0000-4000-8000-000000000201\"}");
        assertThat(wrongParent.statusCode()).isEqualTo(400);
    }

    @Test
    void aSecondInitialStatusIsRefusedAndTheFlagMovesOnlyByEditingAStatus() {
        String admin = users.token(users.create(Role.ADMIN));
        String name = "Triagem " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> second = http().json(
                        "POST",
                        "/api/v1/catalog/statuses",
                        admin,
                        "{\"name\":\"" + name + "\",\"color\":\"#0ea5e9\",\"initial\":true}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        JsonNode error = TestHttp.parse(second).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("initial");
        assertThat(error.get("message").asString()).contains("“Aberto” já é o status inicial");
        assertThat(catalog.initialStatus().name()).as("the flag stayed").isEqualTo("Aberto");

        HttpResponse<String> created = http().json(
                        "POST", "/api/v1/catalog/statuses", admin, "{\"name\":\"" + name + "\",\"color\":\"#0ea5e9\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> moved = http().json(
                        "PUT",
                        "/api/v1/catalog/statuses/"
                                + TestHttp.parse(created).get("id").asString(),
                        admin,
                        "{\"name\":\"" + name + "\",\"color\":\"#0ea5e9\",\"initial\":true}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode statuses = TestHttp.parse(http().json("GET", "/api/v1/catalog/statuses", admin, null));
        long initials = 0;
        for (JsonNode status : statuses) {
            initials += status.get("initial").asBoolean() ? 1 : 0;
        }
        assertThat(initials).isEqualTo(1);
        String id = TestHttp.parse(created).get("id").asString();
        HttpResponse<String> unset = http().json(
                        "PUT",
                        "/api/v1/catalog/statuses/" + id,
                        admin,
                        "{\"name\":\"" + name + "\",\"initial\":false}");
        assertThat(unset.statusCode()).isEqualTo(409);
        // give the flag back to Aberto, as other tests expect
        http().json(
                        "PUT",
                        "/api/v1/catalog/statuses/00000000-0000-4000-8000-000000000101",
                        admin,
                        "{\"name\":\"Aberto\",\"color\":\"#1d4ed8\",\"displayOrder\":1,\"initial\":true}");
        assertThat(http().json("POST", "/api/v1/catalog/statuses/" + id + "/disable", admin, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aStatusCanHoldTicketsButNotAlsoWaitForTheCustomerOrResolveThem() {
        String admin = users.token(users.create(Role.ADMIN));
        String name = "Em espera " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created =
                http().json("POST", "/api/v1/catalog/statuses", admin, "{\"name\":\"" + name + "\",\"onHold\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = TestHttp.parse(created).get("id").asString();
        assertThat(TestHttp.parse(http().json("GET", "/api/v1/catalog/statuses/" + id, admin, null))
                        .get("onHold")
                        .asBoolean())
                .isTrue();
        assertThat(TestHttp.parse(http().json(
                                        "GET",
                                        "/api/v1/catalog/statuses/00000000-0000-4000-8000-000000000103",
                                        admin,
                                        null))
                        .get("onHold")
                        .asBoolean())
                .as("waiting for the customer is not a hold")
                .isFalse();

        HttpResponse<String> both = http().json(
                        "PUT",
                        "/api/v1/catalog/statuses/" + id,
                        admin,
                        "{\"name\":\"" + name + "\",\"onHold\":true,\"resolving\":true}");
        assertThat(both.statusCode()).as(both.body()).isBetween(400, 409);
        assertThat(TestHttp.parse(both).get("errors").get(0).get("field").asString())
                .isEqualTo("onHold");
        assertThat(http().json("POST", "/api/v1/catalog/departments", admin, "{\"name\":\"Dep\",\"onHold\":true}")
                        .statusCode())
                .as("only statuses have flags")
                .isEqualTo(400);
        http().json("POST", "/api/v1/catalog/statuses/" + id + "/disable", admin, null);
    }

    @Test
    void unusedEntriesCanBeDeletedAndInvalidInputIsRefused() {
        String admin = users.token(users.create(Role.ADMIN));
        HttpResponse<String> created = http().json(
                        "POST", "/api/v1/catalog/ticket-types", admin, "{\"name\":\"Tipo " + UUID.randomUUID() + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = TestHttp.parse(created).get("id").asString();
        assertThat(http().json("DELETE", "/api/v1/catalog/ticket-types/" + id, admin, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(http().json("GET", "/api/v1/catalog/ticket-types/" + id, admin, null)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> tooShort = http().json("POST", "/api/v1/catalog/ticket-types", admin, "{\"name\":\"x\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("\"field\":\"name\"");
        HttpResponse<String> longDescription = http().json(
                        "POST",
                        "/api/v1/catalog/ticket-types",
                        admin,
                        "{\"name\":\"Longo\",\"description\":\"" + "a".repeat(501) + "\"}");
        assertThat(longDescription.statusCode()).isEqualTo(400);
        assertThat(http().json("POST", "/api/v1/catalog/departments", admin, "{\"name\":\"D\",\"initial\":true}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAdministratorManagesWhichAgentsWorkInADepartment() {
        String admin = users.token(users.create(Role.ADMIN));
        UserView agent = users.create(Role.SUPPORT);
        UserView requester = users.create(Role.USER);
        String department = "/api/v1/departments/00000000-0000-4000-8000-000000000202/agents/";
        assertThat(http().json("PUT", department + agent.id(), admin, null).statusCode())
                .isEqualTo(204);
        assertThat(http().json("PUT", department + requester.id(), admin, null).statusCode())
                .isEqualTo(409);
        assertThat(http().json(
                                "GET",
                                "/api/v1/departments/00000000-0000-4000-8000-000000000202/agents",
                                users.token(agent),
                                null)
                        .body())
                .contains(agent.email());
        assertThat(http().json("DELETE", department + agent.id(), admin, null).statusCode())
                .isEqualTo(204);
    }
}
