package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Catalog;
import com.echamado.comments.Comments;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.IntegrationTest;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.TicketManagement;
import com.echamado.tickets.TicketView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main pages, as an administrator sees them (every control there is), checked in headless Chromium: every form
 * control has a label, the keyboard focus is always visible while tabbing, and text and buttons have a contrast of at
 * least 4.5:1 (3:1 for large text), in the light and in the dark theme. The checks are in {@code a11y/checks.js}.
 */
class AccessibilityBrowserTests extends IntegrationTest {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static final int TABS = 60;

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String checks;
    private static List<String> pages;

    @Autowired
    TicketManagement tickets;

    @Autowired
    Comments comments;

    @Autowired
    Catalog catalog;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
        wait = Chromium.waitFor(browser);
        try (InputStream in = AccessibilityBrowserTests.class.getResourceAsStream("/a11y/checks.js")) {
            checks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signInAsAdministratorWithATicket() {
        if (pages != null) {
            return;
        }
        UserView admin = users.create(Role.ADMIN);
        catalog.addAgent(UiFixtures.SUPPORT_DEPARTMENT, admin.id());
        TicketView ticket = UiFixtures.open(tickets, admin, UiFixtures.unique("Acessível"));
        comments.add(tickets.actor(admin.id(), true, false), ticket.id(), "Uma resposta", false);
        pages = List.of(
                "/",
                "/tickets",
                "/tickets/new",
                "/tickets/" + ticket.number(),
                "/tickets/" + ticket.number() + "/edit",
                "/admin/catalog/categories",
                "/admin/users",
                "/admin/users/" + admin.id(),
                "/admin/clients",
                "/account/profile");
        browser.manage().deleteAllCookies();
        Chromium.signIn(browser, baseUrl(), admin.email());
    }

    @Test
    void everyFormControlHasALabel() {
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            open(page, "light");
            run("unlabelled").forEach(p -> problems.add(page + ": " + p));
        }
        assertThat(problems).as("controls without a label").isEmpty();
    }

    @Test
    void theKeyboardFocusIsAlwaysVisible() {
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            open(page, "light");
            for (int i = 0; i < TABS; i++) {
                new Actions(browser).sendKeys(Keys.TAB).perform();
                Object hidden = js("return window.a11y.focusIndicator();");
                if (hidden != null && !hidden.toString().isEmpty()) {
                    problems.add(page + ": " + hidden);
                }
            }
        }
        assertThat(problems).as("focused elements without a visible outline").isEmpty();
    }

    @Test
    void textAndButtonsHaveEnoughContrastInBothThemes() {
        List<String> problems = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            for (String page : pages) {
                open(page, theme);
                run("lowContrast").forEach(p -> problems.add(theme + " " + page + ": " + p));
            }
            screenshot("contrast-" + theme);
        }
        assertThat(problems).as("text below 4.5:1 (3:1 when large)").isEmpty();
    }

    @Test
    void theChecksThemselvesCatchAFaintTextAndAnUnlabelledField() {
        open("/", "light");
        js("var p = document.createElement('p'); p.textContent = 'Texto fraco'; p.style.color = '#aaaaaa';"
                + "p.style.background = '#ffffff'; document.querySelector('main').appendChild(p);"
                + "var i = document.createElement('input'); i.id = 'sem-rotulo';"
                + "document.querySelector('main').appendChild(i);");
        assertThat(run("lowContrast")).anyMatch(p -> p.contains("Texto fraco"));
        assertThat(run("unlabelled")).anyMatch(p -> p.contains("sem-rotulo"));
    }

    private void open(String page, String theme) {
        browser.manage().deleteCookieNamed(ShellAdvice.THEME_COOKIE);
        browser.manage().addCookie(new Cookie(ShellAdvice.THEME_COOKIE, theme, "/"));
        browser.get(baseUrl() + page);
        wait.until(d -> theme.equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
        js(checks);
    }

    @SuppressWarnings("unchecked")
    private List<String> run(String check) {
        return (List<String>) js("return window.a11y." + check + "();");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void screenshot(String name) {
        try {
            Files.copy(
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    SHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
