package com.echamado.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.dashboard.Dashboards;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestHttp;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.Actor;
import com.echamado.tickets.TicketManagement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's charts have a text alternative: a label, and a table of the same numbers for screen readers. */
class DashboardPageTests extends IntegrationTest {

    @Autowired
    TicketManagement tickets;

    @Autowired
    Catalog catalog;

    @Autowired
    Dashboards dashboards;

    @Test
    void eachChartHasALabelAndATableOfItsNumbersInTheViewersLanguage() {
        UserView agent = users.create(Role.SUPPORT);
        Actor actor = UiFixtures.agentOf(tickets, catalog, agent);
        UiFixtures.open(tickets, users.create(Role.USER), UiFixtures.unique("Gráfico"));
        long open = dashboards.of(actor).openByDepartment().get(UiFixtures.SUPPORT_DEPARTMENT.toString());
        TestHttp http = UiFixtures.signIn(http(), agent);

        String page = http.get("/").body();
        assertThat(page)
                .contains("id=\"chart-status\" role=\"img\" aria-describedby=\"table-status\"")
                .contains(
                        "aria-label=\"Gráfico: Abertos por departamento. Os mesmos números estão na tabela a seguir.\"")
                .contains("<div class=\"visually-hidden\"><table id=\"table-department\">")
                .containsPattern("<th scope=\"row\">Suporte Técnico</th>\\s*<td>" + open + "</td>")
                .contains("<th scope=\"row\">" + day(LocalDate.now(), "pt-BR") + "</th>");
        String english = http.get("/?lang=en").body();
        assertThat(english)
                .contains(
                        "aria-label=\"Chart: Created and closed in the last 30 days. The same numbers are in the table")
                .contains("<th scope=\"row\">" + day(LocalDate.now(), "en") + "</th>");
    }

    @Test
    void agentsSeeSlaComplianceAndTheTicketsAtRiskInTheirLanguageAndRequestersDoNot() {
        UserView agent = users.create(Role.SUPPORT);
        UiFixtures.agentOf(tickets, catalog, agent);
        TestHttp http = UiFixtures.signIn(http(), agent);

        String page = http.get("/").body();
        assertThat(page)
                .contains("id=\"card-compliance\"", "Cumprimento do SLA por departamento e mês")
                .contains("id=\"card-at-risk\"", "Em risco agora")
                .contains("href=\"/tickets?view=breaching&amp;sort=slaDueAt&amp;dir=asc\"");
        assertThat(http.get("/?lang=en").body())
                .contains("SLA compliance by department and month", "At risk now", "See all at risk");
        TestHttp requester = UiFixtures.signIn(http(), users.create(Role.USER));
        assertThat(requester.get("/").body()).doesNotContain("card-compliance", "card-at-risk");
    }

    private static String day(LocalDate day, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag(language))
                .format(day);
    }
}
