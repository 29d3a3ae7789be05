package com.echamado.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.echamado.catalog.Priority;
import com.echamado.identity.Role;
import com.echamado.identity.UserView;
import com.echamado.support.UiFixtures;
import com.echamado.tickets.NewTicket;
import com.echamado.tickets.TicketManagement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The layout at a phone's width (390 px) and a laptop's (1366 px) in real headless Chromium: nothing scrolls
 * sideways, the header leaves room for the page, the page ends where its content ends, empty charts say so, and the
 * queue's filters do not overlap.
 */
class ResponsiveBrowserTests extends ChromiumTest {

    @Autowired
    TicketManagement tickets;

    /** A title that is one long word cannot shrink its row: the cell breaks the word instead of widening the page. */
    @Test
    void theDashboardFitsAPhoneWhenATicketsTitleIsOneLongWord() {
        UserView admin = users.create(Role.ADMIN);
        String title = UiFixtures.unique("Servidor") + "-" + "x".repeat(120);
        tickets.open(
                tickets.actor(admin.id(), true, false),
                new NewTicket(
                        title,
                        "Fora do ar.",
                        UiFixtures.INCIDENT,
                        UiFixtures.HARDWARE,
                        UiFixtures.COMPUTER,
                        UiFixtures.SUPPORT_DEPARTMENT,
                        Priority.HIGH,
                        null,
                        null));
        viewport(390, 844);
        browser.manage().deleteAllCookies();
        Chromium.signIn(browser, baseUrl(), admin.email());
        browser.get(baseUrl() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("charts")));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .as("the newest ticket is listed")
                .contains(title);
        Map<String, Object> layout = layout();
        assertThat(number(layout, "scrollWidth"))
                .as("nothing scrolls sideways (%s)", layout)
                .isLessThanOrEqualTo(390);
    }

    @Test
    void theDashboardFitsAPhoneAndItsEmptyChartsSaySo() {
        UserView admin = users.create(Role.ADMIN); // the longest navigation
        UserView newcomer = users.create(Role.USER); // no tickets: every chart is empty
        viewport(390, 844);
        for (UserView user : List.of(admin, newcomer)) {
            browser.manage().deleteAllCookies();
            Chromium.signIn(browser, baseUrl(), user.email());
            browser.get(baseUrl() + "/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("charts")));
            Map<String, Object> layout = layout();
            assertThat(number(layout, "scrollWidth"))
                    .as("nothing scrolls sideways (%s)", layout)
                    .isLessThanOrEqualTo(390);
            assertThat(number(layout, "header"))
                    .as("header height (%s)", layout)
                    .isLessThanOrEqualTo(120);
            assertThat(number(layout, "scrollHeight"))
                    .as("the page ends with its content (%s)", layout)
                    .isLessThanOrEqualTo(number(layout, "contentBottom") + 40);
        }
        for (String chart : List.of("status", "department", "trend")) {
            assertThat(browser.findElement(By.id("card-" + chart)).getText())
                    .as(chart)
                    .contains("Sem dados para mostrar");
        }
    }

    @Test
    void theQueueFiltersDoNotOverlapOnALaptop() {
        UserView agent = users.create(Role.SUPPORT);
        viewport(1366, 768);
        browser.manage().deleteAllCookies();
        Chromium.signIn(browser, baseUrl(), agent.email());
        browser.get(baseUrl() + "/tickets?q=x");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.filters")));
        @SuppressWarnings("unchecked")
        List<String> overlaps = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                        var controls = Array.from(document.querySelectorAll(
                            'form.filters input:not([type=hidden]), form.filters select, form.filters button'))
                          .filter(function (e) { return e.offsetParent !== null; });
                        var out = [];
                        controls.forEach(function (c) {
                          var own = c.getBoundingClientRect(), box = c.parentElement.getBoundingClientRect();
                          if (own.right > box.right + 1) out.push((c.id || c.name) + ' sticks out of its field');
                        });
                        for (var i = 0; i < controls.length; i++) for (var j = i + 1; j < controls.length; j++) {
                          var a = controls[i].getBoundingClientRect(), b = controls[j].getBoundingClientRect();
                          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
                            out.push((controls[i].id || controls[i].name) + ' / ' + (controls[j].id || controls[j].name));
                        }
                        var form = document.querySelector('form.filters');
                        if (form.scrollWidth > form.clientWidth + 1) out.push('the form scrolls sideways');
                        return out;""");
        assertThat(overlaps).isEmpty();
        assertThat(number(layout(), "scrollWidth")).isLessThanOrEqualTo(1366);
    }

    private static void viewport(int width, int height) {
        ((HasCdp) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layout() {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                        var main = document.getElementById('main');
                        var wide = Array.from(document.querySelectorAll('body *'))
                          .filter(function (e) { return e.getBoundingClientRect().right > window.innerWidth + 1; })
                          .slice(0, 5).map(function (e) { return e.tagName + '.' + e.className + '#' + e.id; });
                        return { viewport: window.innerWidth, wide: wide.join(' '),
                                 scrollWidth: document.documentElement.scrollWidth,
                                 header: document.querySelector('header.topbar').getBoundingClientRect().height,
                                 scrollHeight: document.documentElement.scrollHeight,
                                 contentBottom: main.getBoundingClientRect().bottom + window.scrollY };""");
    }

    private static double number(Map<String, Object> layout, String key) {
        return ((Number) layout.get(key)).doubleValue();
    }
}
