package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.catalog.Priority;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.Actor;
import com.echamado.tickets.NewTicket;
import com.echamado.tickets.TicketChanges;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ticket pages in real headless Chromium: editing keeps the due date, the status form asks for a status and for
 * the solution of a resolving one, the history reads as the viewer's clock and language.
 */
class TicketPagesBrowserTests extends ChromiumTest {

    static final String RESOLVED = "00000000-0000-4000-8000-000000000104";

    @Autowired
    TicketManagement tickets;

    @Autowired
    Catalog catalog;

    UserView agent;
    Actor agentActor;
    UserView requester;

    @BeforeEach
    void people() {
        requester = users.create(Role.USER);
        agent = users.create(Role.SUPPORT);
        agentActor = UiFixtures.agentOf(tickets, catalog, agent);
        ((HasCdp) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        browser.manage().deleteAllCookies();
    }

    @Test
    void editingATicketKeepsItsDueDate() {
        LocalDate dueDay = LocalDate.now(ZoneId.systemDefault()).plusDays(12);
        TicketView ticket = openWithDueDay(dueDay);
        Chromium.signIn(browser, baseUrl(), agent.email());
        go("/tickets/" + ticket.number() + "/edit");
        assertThat(browser.findElement(By.id("dueDate")).getDomProperty("value"))
                .as("the date input shows the due date")
                .isEqualTo(dueDay.toString());
        WebElement title = browser.findElement(By.id("title"));
        title.clear();
        title.sendKeys(ticket.title() + " (editado)");
        browser.findElement(By.id("save-ticket")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-title"), "(editado)"));
        assertThat(tickets.get(agentActor, ticket.id()).dueAt()).isEqualTo(ticket.dueAt());
    }

    @Test
    void theStatusFormAsksForAStatusAndForTheSolutionOfAResolvingOne() {
        TicketView ticket = openWithDueDay(null);
        Chromium.signIn(browser, baseUrl(), agent.email());
        go("/tickets/" + ticket.number());
        Select status = new Select(browser.findElement(By.id("status-select")));
        assertThat(status.getFirstSelectedOption().getDomProperty("value"))
                .as("nothing is preselected")
                .isEmpty();
        WebElement solution = browser.findElement(By.id("transition-resolution"));
        assertThat(solution.isDisplayed()).isFalse();
        status.selectByValue(RESOLVED);
        assertThat(solution.isDisplayed()).isTrue();
        assertThat(solution.getDomProperty("required")).isEqualTo("true");

        // the browser would not send it; the server refuses it all the same
        ((JavascriptExecutor) browser).executeScript("arguments[0].required = false", solution);
        browser.findElement(By.id("move")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.error"), "solução"));
        assertThat(tickets.get(agentActor, ticket.id()).resolvedAt()).isNull();

        new Select(browser.findElement(By.id("status-select"))).selectByValue(RESOLVED);
        browser.findElement(By.id("transition-resolution")).sendKeys("Driver reinstalado.");
        browser.findElement(By.id("move")).click();
        wait.until(ExpectedConditions.textToBe(By.id("resolution"), "Driver reinstalado."));
        TicketView resolved = tickets.get(agentActor, ticket.id());
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.statusId()).hasToString(RESOLVED);
    }

    @Test
    void theHistoryShowsTimesOnTheViewersClockAndFieldsInTheirLanguage() {
        TicketView ticket = openWithDueDay(LocalDate.now(ZoneId.systemDefault()).plusDays(3));
        Instant newDue = ticket.dueAt().plusSeconds(86_400);
        tickets.edit(
                agentActor,
                ticket.id(),
                ticket.version(),
                new TicketChanges(null, null, null, null, null, false, null, Priority.URGENT, newDue, false));
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ((HasCdp) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", tokyo.getId()));
        Chromium.signIn(browser, baseUrl(), agent.email());
        go("/tickets/" + ticket.number());
        String history = text(By.id("history"));
        assertThat(history)
                .contains(
                        "Prazo", "Prioridade", "Urgente", shortDateTime(newDue, tokyo, Locale.forLanguageTag("pt-BR")))
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T")
                .doesNotContain("dueAt", "URGENT");

        go("/tickets/" + ticket.number() + "?lang=en");
        String english = text(By.id("history"));
        assertThat(english)
                .contains("Due date", "Priority", "Urgent", shortDateTime(newDue, tokyo, Locale.ENGLISH))
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        go("/tickets?lang=pt-BR");
    }

    /** The text with the narrow and the plain no-break spaces of some locales' times as plain spaces. */
    private static String text(By element) {
        return spaces(browser.findElement(element).getText());
    }

    private static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String shortDateTime(Instant instant, ZoneId zone, Locale locale) {
        return spaces(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(instant));
    }

    /** A ticket the agent opened for the requester, due at the end of {@code dueDay} (as the pages set it). */
    private TicketView openWithDueDay(LocalDate dueDay) {
        Instant dueAt = dueDay == null
                ? null
                : dueDay.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        return tickets.open(
                agentActor,
                new NewTicket(
                        UiFixtures.unique("Scanner parado"),
                        "Não digitaliza.",
                        UiFixtures.INCIDENT,
                        UiFixtures.HARDWARE,
                        UiFixtures.COMPUTER,
                        UiFixtures.SUPPORT_DEPARTMENT,
                        Priority.NORMAL,
                        dueAt,
                        requester.id()));
    }

    private void go(String path) {
        browser.get(baseUrl() + path);
    }
}
