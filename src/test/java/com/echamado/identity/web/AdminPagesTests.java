package com.echamado.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.identity.ClientManagement;
import com.echamado.identity.ClientView;
import com.echamado.identity.Role;
import com.echamado.identity.UserManagement;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The administrator's forms for people and OAuth clients, over HTTP with a session. */
class AdminPagesTests extends IntegrationTest {

    @Autowired
    UserManagement people;

    @Autowired
    ClientManagement clients;

    @Autowired
    Catalog catalog;

    @Test
    void anAdministratorCreatesAnAgentThenChangesTheirRolesAndDepartments() {
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        String csrf = TestHttp.csrf(http.get("/admin/users/new").body());
        String email = "agente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> created = http.postForm(
                "/admin/users/new?roles=USER&roles=SUPPORT",
                Map.of("_csrf", csrf, "email", email, "fullName", "Ana Agente"));
        String page = http.get(TestHttp.location(created)).body();
        assertThat(page).contains("Usuário criado.").contains("Ana Agente").contains("id=\"one-time\"");
        UserView user = people.findByEmail(email).orElseThrow();
        assertThat(user.hasRole(Role.SUPPORT)).isTrue();

        String rolesPath = "/admin/users/" + user.id() + "/roles?roles=ADMIN&roles=SUPPORT";
        HttpResponse<String> roles = http.postForm(rolesPath, Map.of("_csrf", TestHttp.csrf(page)));
        assertThat(http.get(TestHttp.location(roles)).body()).contains("Alterações salvas.");
        assertThat(people.get(user.id()).hasRole(Role.ADMIN)).isTrue();
        assertThat(people.get(user.id()).hasRole(Role.USER)).isFalse();

        HttpResponse<String> departments = http.postForm(
                "/admin/users/" + user.id() + "/departments",
                Map.of("_csrf", TestHttp.csrf(page), "departments", UiFixtures.SUPPORT_DEPARTMENT.toString()));
        assertThat(TestHttp.location(departments)).endsWith("/admin/users/" + user.id());
        assertThat(catalog.departmentsOf(user.id())).containsExactly(UiFixtures.SUPPORT_DEPARTMENT);
        assertThat(http.get("/admin/users/" + user.id()).body())
                .containsPattern("value=\"" + UiFixtures.SUPPORT_DEPARTMENT + "\" checked=\"checked\"");
    }

    @Test
    void givingAnAgentADepartmentThatDoesNotExistShowsTheNotFoundPage() {
        UserView agent = users.create(Role.SUPPORT);
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        String page = http.get("/admin/users/" + agent.id()).body();

        HttpResponse<String> response = http.postForm(
                "/admin/users/" + agent.id() + "/departments",
                Map.of(
                        "_csrf",
                        TestHttp.csrf(page),
                        "departments",
                        UUID.randomUUID().toString()),
                "Accept",
                "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Página não encontrada");
        assertThat(catalog.departmentsOf(agent.id())).isEmpty();
    }

    @Test
    void theUsersListShowsALockedAccountAsLocked() {
        UserView locked = users.create(Role.USER);
        for (int attempt = 0; attempt < 5; attempt++) {
            http().login(locked.email(), "wrong-password-" + attempt);
        }
        assertThat(people.get(locked.id()).locked()).isTrue();
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        String row = UiFixtures.row(
                http.get("/admin/users?q=" + TestHttp.encode(locked.email())).body(),
                "<td>" + locked.email() + "</td>");
        assertThat(row).contains("<td>Bloqueado</td>").doesNotContain("Ativo");
    }

    @Test
    void theNewUserFormSaysWhatIsWrongBesideTheFields() {
        UserView existing = users.create(Role.USER);
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        String csrf = TestHttp.csrf(http.get("/admin/users/new").body());
        HttpResponse<String> empty =
                http.postForm("/admin/users/new", Map.of("_csrf", csrf, "email", "não-é-email", "fullName", ""));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body())
                .contains("Informe um e-mail válido.")
                .contains("Preencha este campo.")
                .contains("Escolha ao menos uma opção.");
        HttpResponse<String> taken = http.postForm(
                "/admin/users/new?roles=USER",
                Map.of("_csrf", csrf, "email", existing.email(), "fullName", "Outra Pessoa"));
        assertThat(taken.body()).contains("Este e-mail já está cadastrado.");
    }

    @Test
    void anAdministratorGivesAnIntegrationClientARoleAndDepartmentsAndTheListShowsThem() {
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        String csrf = TestHttp.csrf(http.get("/admin/clients").body());
        String clientId = "inventario-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = http.postForm(
                "/admin/clients?grantTypes=client_credentials&scopes=api&departments=" + UiFixtures.SUPPORT_DEPARTMENT,
                Map.of(
                        "_csrf",
                        csrf,
                        "clientId",
                        clientId,
                        "name",
                        "Inventário",
                        "type",
                        "CONFIDENTIAL",
                        "role",
                        "SUPPORT"));
        assertThat(TestHttp.location(created)).endsWith("/admin/clients");
        assertThat(clients.get(clientId).role()).isEqualTo(Role.SUPPORT);
        assertThat(clients.get(clientId).departments()).containsExactly(UiFixtures.SUPPORT_DEPARTMENT);
        String page = http.get("/admin/clients").body();
        String row = UiFixtures.row(page, "<td>" + clientId + "</td>");
        assertThat(row).contains("<span>Agente</span>").contains(">Suporte Técnico<");

        HttpResponse<String> noDepartment = http.postForm(
                "/admin/clients?grantTypes=client_credentials&scopes=api",
                Map.of(
                        "_csrf",
                        csrf,
                        "clientId",
                        clientId + "-b",
                        "name",
                        "Sem escopo",
                        "type",
                        "CONFIDENTIAL",
                        "role",
                        "SUPPORT"));
        assertThat(noDepartment.statusCode()).isEqualTo(200);
        assertThat(noDepartment.body()).contains("field-error");
    }

    @Test
    void anAdministratorRegistersAConfidentialClientAndSeesItsSecretOnce() {
        TestHttp http = UiFixtures.signIn(http(), users.create(Role.ADMIN));
        String csrf = TestHttp.csrf(http.get("/admin/clients").body());
        String clientId = "integracao-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = http.postForm(
                "/admin/clients?grantTypes=client_credentials&scopes=api",
                Map.of(
                        "_csrf",
                        csrf,
                        "clientId",
                        clientId,
                        "name",
                        "Integração de inventário",
                        "type",
                        "CONFIDENTIAL"));
        assertThat(TestHttp.location(created)).endsWith("/admin/clients");
        String page = http.get("/admin/clients").body();
        assertThat(page)
                .contains("Cliente registrado.")
                .contains("Segredo do cliente (mostrado só agora):")
                .contains("<td>" + clientId + "</td>");
        ClientView client = clients.get(clientId);
        assertThat(client.type()).isEqualTo(ClientView.ClientType.CONFIDENTIAL);
        assertThat(client.grantTypes()).contains("client_credentials");
        assertThat(http.get("/admin/clients").body()).doesNotContain("Segredo do cliente");

        HttpResponse<String> again = http.postForm(
                "/admin/clients", Map.of("_csrf", csrf, "clientId", clientId, "name", "Outra", "type", "CONFIDENTIAL"));
        assertThat(again.body()).contains("Este client ID já existe.");
        HttpResponse<String> bad = http.postForm(
                "/admin/clients", Map.of("_csrf", csrf, "clientId", "com espaço!", "name", "X", "type", "PUBLIC"));
        assertThat(bad.body()).contains("Formato inválido.");
    }
}
