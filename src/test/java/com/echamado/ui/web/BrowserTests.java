package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.TestUsers;
import com.echamado.support.UiFixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The help desk in real headless Chromium (Debian's chromium and chromedriver; nothing is downloaded): a requester
 * opens a ticket, an agent of the department takes it, notes and replies, the requester sees the reply but not the
 * note and rates; an admin creates a category with a subcategory and disables it; the language switch. One browser
 * for the whole class. Screenshots of the main pages in both themes go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTests extends IntegrationTest {

    private static final Path SHOTS = Path.of("target/screenshots");

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static long ticketNumber;
    private static String ticketTitle;
    private static UserView requester;
    private static UserView agent;

    @Autowired
    Catalog catalog;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
        wait = Chromium.waitFor(browser);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void requesterOpensATicketPickingASubcategoryThatNarrowsWithTheCategory() {
        requester = users.create(Role.USER);
        agent = users.create(Role.SUPPORT);
        catalog.addAgent(UiFixtures.SUPPORT_DEPARTMENT, agent.id());
        signIn(requester);
        go("/tickets/new");
        ticketTitle = UiFixtures.unique("Impressora parada");
        browser.findElement(By.id("title")).sendKeys(ticketTitle);
        browser.findElement(By.id("description")).sendKeys("A impressora do 2º andar não liga.");
        new Select(browser.findElement(By.id("typeId"))).selectByValue(UiFixtures.INCIDENT.toString());
        new Select(browser.findElement(By.id("departmentId"))).selectByValue(UiFixtures.SUPPORT_DEPARTMENT.toString());
        new Select(browser.findElement(By.id("categoryId"))).selectByValue(UiFixtures.HARDWARE.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#subcategoryId option[value='" + UiFixtures.COMPUTER + "']")));
        new Select(browser.findElement(By.id("subcategoryId"))).selectByValue(UiFixtures.COMPUTER.toString());
        browser.findElement(By.id("open-ticket")).click();
        wait.until(ExpectedConditions.textToBe(By.id("ticket-title"), ticketTitle));
        ticketNumber = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/tickets/(\\d+).*", "$1"));
        assertThat(browser.findElement(By.cssSelector(".alert.info")).getText()).contains("Chamado aberto");
    }

    @Test
    @Order(2)
    void agentOfTheDepartmentTakesTheTicketNotesRepliesAndResolves() {
        signIn(agent);
        go("/tickets?view=unassigned");
        assertThat(browser.findElement(By.id("tickets")).getText()).contains(ticketTitle);
        screenshot("list");
        browser.findElement(By.linkText(ticketTitle)).click();
        browser.findElement(By.id("assign-me")).click();
        wait.until(ExpectedConditions.textToBe(By.id("assignee"), agent.fullName()));
        browser.findElement(By.id("body")).sendKeys("Nota: verificar fusível");
        browser.findElement(By.id("send-note")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".comment.note")));
        browser.findElement(By.id("body")).sendKeys("Estamos a caminho.");
        browser.findElement(By.id("send-reply")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".comment[data-kind='reply']")));
        WebElement reply = browser.findElement(By.cssSelector(".comment[data-kind='reply']"));
        reply.findElement(By.className("edit-comment")).click(); // htmx swaps in the editor, no reload
        WebElement editor = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector(".comment[data-kind='reply'] textarea")));
        editor.clear();
        editor.sendKeys("Estamos a caminho, chegamos em 10 minutos.");
        browser.findElement(By.cssSelector(".comment[data-kind='reply'] .save-comment"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".comment[data-kind='reply']"), "chegamos em 10 minutos"));
        assertThat(browser.findElement(By.cssSelector(".comment[data-kind='reply']"))
                        .getText())
                .contains("(editada)");
        screenshot("detail");
        browser.findElement(By.id("resolution-text")).sendKeys("Fusível trocado.");
        browser.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resolution")));
    }

    @Test
    @Order(3)
    void requesterSeesTheReplyButNotTheNoteAndRates() {
        signIn(requester);
        go("/tickets/" + ticketNumber);
        String conversation = browser.findElement(By.id("conversation")).getText();
        assertThat(conversation).contains("chegamos em 10 minutos").doesNotContain("verificar fusível");
        assertThat(browser.findElements(By.id("send-note"))).isEmpty();
        browser.findElement(By.id("rating-5")).click();
        browser.findElement(By.id("rate")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating")));
        assertThat(browser.findElement(By.id("rating")).getText()).contains("5");
        go("/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card-status")));
        screenshot("dashboard");
    }

    @Test
    @Order(4)
    void adminCreatesACategoryWithASubcategoryAndDisablesIt() {
        signIn(users.create(Role.ADMIN));
        go("/admin/catalog/categories");
        browser.findElement(By.id("new-entry")).click();
        String category = UiFixtures.unique("Telefonia");
        browser.findElement(By.id("name")).sendKeys(category);
        browser.findElement(By.id("save-entry")).click();
        WebElement row = row(category);
        row.findElement(By.className("add-sub")).click();
        String subcategory = UiFixtures.unique("Ramal");
        browser.findElement(By.id("name")).sendKeys(subcategory);
        browser.findElement(By.id("save-entry")).click();
        wait.until(d -> row(category).getText().contains(subcategory));
        row(category).findElement(By.className("do-disable")).click();
        wait.until(d -> row(category).getAttribute("class").contains("disabled"));
        screenshot("admin-catalog");
    }

    @Test
    @Order(5)
    void languageSwitchTranslatesThePageAndSticks() {
        signIn(requester);
        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hello"));
        go("/tickets");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tickets");
        browser.findElement(By.id("lang-pt")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Chamados"));
    }

    private WebElement row(String name) {
        return wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#catalog tr[data-name='" + name + "']")));
    }

    private void signIn(UserView user) {
        browser.manage().deleteAllCookies();
        go("/login");
        browser.findElement(By.id("username")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.who")));
    }

    private void go(String path) {
        browser.get(baseUrl() + path);
    }

    /** The current page in the light and the dark theme (the theme cookie the toggle sets), then back to light. */
    private void screenshot(String name) {
        for (String theme : new String[] {"light", "dark"}) {
            browser.manage().deleteCookieNamed(ShellAdvice.THEME_COOKIE);
            browser.manage().addCookie(new Cookie(ShellAdvice.THEME_COOKIE, theme, "/"));
            browser.navigate().refresh();
            wait.until(d -> theme.equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            try {
                Files.copy(
                        shot.toPath(), SHOTS.resolve(name + "-" + theme + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        browser.manage().deleteCookieNamed(ShellAdvice.THEME_COOKIE);
    }
}
