package com.echamado.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.Priority;
import com.echamado.identity.UserView;
import com.echamado.tickets.Actor;
import com.echamado.tickets.NewTicket;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.util.UUID;

/** Seeded catalog ids (V11 defaults) and a way to open tickets and staff departments through the facades. */
public final class UiFixtures {

    public static final UUID SUPPORT_DEPARTMENT = UUID.fromString("00000000-0000-4000-8000-000000000201");
    public static final UUID INCIDENT = UUID.fromString("00000000-0000-4000-8000-000000000301");
    public static final UUID HARDWARE = UUID.fromString("00000000-0000-4000-8000-000000000401");
    public static final UUID COMPUTER = UUID.fromString("00000000-0000-4000-8000-000000000501");

    private UiFixtures() {}

    public static TicketView open(TicketManagement tickets, UserView requester, String title) {
        Actor actor = tickets.actor(requester.id(), false, false);
        return tickets.open(
                actor,
                new NewTicket(
                        title,
                        "Descrição <b>com</b> marcação",
                        INCIDENT,
                        HARDWARE,
                        COMPUTER,
                        SUPPORT_DEPARTMENT,
                        Priority.HIGH,
                        null,
                        null));
    }

    public static Actor agentOf(TicketManagement tickets, Catalog catalog, UserView agent) {
        catalog.addAgent(SUPPORT_DEPARTMENT, agent.id());
        return tickets.actor(agent.id(), false, true);
    }

    /** Signs the user in on this client's session. */
    public static TestHttp signIn(TestHttp http, UserView user) {
        assertThat(TestHttp.location(http.login(user.email(), TestUsers.PASSWORD)))
                .doesNotContain("error");
        return http;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The table row of the page that contains the marker. */
    public static String row(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }
}
