package com.echamado.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ticket list's assignee filter: a choice of the agents the viewer works with, kept in the URL. */
class TicketListPageTests extends IntegrationTest {

    private static final java.util.UUID INFRA_DEPARTMENT =
            java.util.UUID.fromString("00000000-0000-4000-8000-000000000202");

    @Autowired
    TicketManagement tickets;

    @Autowired
    Catalog catalog;

    @Test
    void agentsFilterByAnAgentOfTheirDepartmentsOrByNobody() {
        UserView agent = users.create(Role.SUPPORT);
        UserView colleague = users.create(Role.SUPPORT);
        UserView elsewhere = users.create(Role.SUPPORT);
        Actor me = UiFixtures.agentOf(tickets, catalog, agent);
        Actor other = UiFixtures.agentOf(tickets, catalog, colleague);
        catalog.addAgent(INFRA_DEPARTMENT, elsewhere.id());
        UserView requester = users.create(Role.USER);
        TicketView theirs = UiFixtures.open(tickets, requester, UiFixtures.unique("Do colega"));
        tickets.assign(other, theirs.id(), theirs.version(), colleague.id());
        TicketView nobodys = UiFixtures.open(tickets, requester, UiFixtures.unique("De ninguém"));
        TicketView mine = UiFixtures.open(tickets, requester, UiFixtures.unique("Meu"));
        tickets.assign(me, mine.id(), mine.version(), agent.id());

        TestHttp http = UiFixtures.signIn(http(), agent);
        String page = http.get("/tickets").body();
        assertThat(page)
                .contains("id=\"f-assignee\"")
                .contains("<option value=\"" + colleague.id() + "\">" + colleague.fullName() + "</option>")
                .contains("<option value=\"none\">Sem responsável</option>")
                .doesNotContain(elsewhere.id().toString());

        String byColleague = http.get("/tickets?assignee=" + colleague.id()).body();
        assertThat(byColleague)
                .contains(theirs.title())
                .doesNotContain(nobodys.title())
                .doesNotContain(mine.title())
                .contains("<option value=\"" + colleague.id() + "\" selected=\"selected\">")
                .contains("assignee=" + colleague.id() + "&amp;sort=");
        String unassigned = http.get("/tickets?assignee=none").body();
        assertThat(unassigned)
                .contains(nobodys.title())
                .doesNotContain(theirs.title())
                .doesNotContain(mine.title())
                .contains("<option value=\"none\" selected=\"selected\">");
    }

    @Test
    void administratorsChooseAmongAllAgentsAndRequestersGetNoAssigneeFilter() {
        UserView elsewhere = users.create(Role.SUPPORT);
        catalog.addAgent(INFRA_DEPARTMENT, elsewhere.id());
        assertThat(UiFixtures.signIn(http(), users.create(Role.ADMIN))
                        .get("/tickets")
                        .body())
                .contains("<option value=\"" + elsewhere.id() + "\">" + elsewhere.fullName() + "</option>");
        assertThat(UiFixtures.signIn(http(), users.create(Role.USER))
                        .get("/tickets")
                        .body())
                .doesNotContain("f-assignee");
    }
}
