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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser with an empty cache receives for each main page, in headless Chromium against the service as it
 * serves itself (its own gzip of scripts and styles; HTML uncompressed): at most 300 KB (300,000 bytes, headers
 * included). Counted twice: the page's Resource and Navigation Timing entries ({@code transferSize}) and the
 * DevTools network log ({@code encodedDataLength} of every response, the automatic favicon request too); the larger
 * sum is checked. Per-page figures go to target/first-load.md. {@code -Dui.firstLoadLimitBytes=N} sets another limit.
 */
class FirstLoadBrowserTests extends IntegrationTest {

    static final long LIMIT = Long.getLong("ui.firstLoadLimitBytes", 300_000);
    private static final Path REPORT = Path.of("target/first-load.md");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String COLLECT = """
            var tags = Array.from(document.querySelectorAll(
                'script[src], link[rel~="stylesheet"][href], link[rel~="icon"][href], link[rel="preload"][href],'
                + ' link[rel="modulepreload"][href], img[src]'))
              .map(function (e) { return e.src || e.href; })
              .filter(function (u) { return u.indexOf('data:') !== 0; });
            var entry = function (e) {
              return { url: e.name, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize };
            };
            return JSON.stringify({
              navigation: entry(performance.getEntriesByType('navigation')[0]),
              resources: performance.getEntriesByType('resource').map(entry),
              tags: tags });
            """;

    private static WebDriver browser;
    private static WebDriverWait wait;

    @Autowired
    TicketManagement tickets;

    @Autowired
    Comments comments;

    @Autowired
    Catalog catalog;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(true);
        wait = Chromium.waitFor(browser);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyMainPageShipsAtMost300KbOnAFirstLoad() throws IOException {
        UserView admin = users.create(Role.ADMIN);
        catalog.addAgent(UiFixtures.SUPPORT_DEPARTMENT, admin.id());
        TicketView ticket = UiFixtures.open(tickets, admin, UiFixtures.unique("Primeira carga"));
        comments.add(tickets.actor(admin.id(), true, false), ticket.id(), "Uma resposta", false);

        List<Load> loads = new ArrayList<>();
        browser.manage().deleteAllCookies();
        loads.add(load("sign-in", "/login"));
        Chromium.signIn(browser, baseUrl(), admin.email());
        loads.add(load("dashboard", "/"));
        loads.add(load("ticket list", "/tickets"));
        loads.add(load("ticket detail", "/tickets/" + ticket.number()));
        loads.add(load("new ticket", "/tickets/new"));
        loads.add(load("admin: catalog", "/admin/catalog/categories"));
        loads.add(load("admin: users", "/admin/users"));
        loads.add(load("profile", "/account/profile"));
        report(loads);

        List<String> miscounted = new ArrayList<>();
        for (Load load : loads) {
            load.uncounted().forEach(url -> miscounted.add(load.page() + ": no timing entry for " + url));
            load.fromCache().forEach(url -> miscounted.add(load.page() + ": from the cache " + url));
            if (load.resources() < load.tags()) {
                miscounted.add(load.page() + ": fewer timing entries than tags");
            }
        }
        assertThat(miscounted).as("loads not fully counted").isEmpty();
        assertThat(loads.get(1).tags())
                .as("the dashboard loads its chart scripts")
                .isGreaterThan(loads.get(2).tags());
        List<String> over = loads.stream()
                .filter(load -> load.bytes() > LIMIT)
                .map(load -> "%s (%s): %,d bytes".formatted(load.page(), load.path(), load.bytes()))
                .toList();
        assertThat(over).as("pages over %,d bytes on a first load", LIMIT).isEmpty();
    }

    /** Loads the page with an empty cache and counts what came over the network for it. */
    private Load load(String page, String path) {
        ((HasCdp) browser).executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.manage().logs().get("performance"); // drops the events of earlier loads
        browser.get(baseUrl() + path);
        wait.until(d -> "complete".equals(js("return document.readyState")));
        waitUntilQuiet();
        JsonNode timing = JSON.readTree((String) js(COLLECT));
        Map<String, Long> network = networkBytes();

        JsonNode navigation = timing.get("navigation");
        long timed = bytes(navigation);
        Map<String, JsonNode> byUrl = new HashMap<>();
        List<String> details = new ArrayList<>();
        for (JsonNode resource : timing.get("resources")) {
            timed += bytes(resource);
            byUrl.put(resource.get("url").asString(), resource);
            details.add("%s: %,d transferred, body %,d encoded / %,d decoded"
                    .formatted(
                            resource.get("url").asString().replace(baseUrl(), ""),
                            resource.get("transfer").asLong(),
                            resource.get("encoded").asLong(),
                            resource.get("decoded").asLong()));
        }
        network.forEach((url, bytes) -> {
            if (!url.startsWith("data:")
                    && !byUrl.containsKey(url)
                    && !url.equals(navigation.get("url").asString())) {
                details.add("%s: %,d received, no timing entry".formatted(url.replace(baseUrl(), ""), bytes));
            }
        });
        List<String> uncounted = new ArrayList<>();
        List<String> fromCache = new ArrayList<>();
        if (navigation.get("transfer").asLong() == 0) {
            fromCache.add(path);
        }
        for (JsonNode tag : timing.get("tags")) {
            JsonNode resource = byUrl.get(tag.asString());
            if (resource == null) {
                uncounted.add(tag.asString());
            } else if (resource.get("transfer").asLong() == 0) {
                fromCache.add(tag.asString());
            }
        }
        return new Load(
                page,
                path,
                timing.get("tags").size(),
                timing.get("resources").size(),
                navigation.get("transfer").asLong(),
                timed,
                network.values().stream().mapToLong(Long::longValue).sum(),
                uncounted,
                fromCache,
                details);
    }

    /** Waits until no new resource has been fetched for half a second (late scripts, fonts, images). */
    private void waitUntilQuiet() {
        long[] seen = {-1, System.nanoTime()};
        wait.until(d -> {
            long count = ((Number) js("return performance.getEntriesByType('resource').length")).longValue();
            if (count != seen[0]) {
                seen[0] = count;
                seen[1] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - seen[1] > 500_000_000L;
        });
    }

    /** transferSize (headers and encoded body); the encoded body when the browser reports no transfer size. */
    private static long bytes(JsonNode entry) {
        long transfer = entry.get("transfer").asLong();
        return transfer > 0 ? transfer : entry.get("encoded").asLong();
    }

    /**
     * Every byte the network stack received since the log was drained, by URL: each response's encodedDataLength
     * (headers and encoded body).
     */
    private static Map<String, Long> networkBytes() {
        Map<String, String> urls = new HashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (LogEntry entry : browser.manage().logs().get("performance")) {
            JsonNode message = JSON.readTree(entry.getMessage()).get("message");
            String method = message.get("method").asString();
            JsonNode params = message.get("params");
            if ("Network.requestWillBeSent".equals(method)) {
                urls.put(
                        params.get("requestId").asString(),
                        params.get("request").get("url").asString());
            } else if ("Network.loadingFinished".equals(method)) {
                String url = urls.getOrDefault(params.get("requestId").asString(), "?");
                bytes.merge(url, params.get("encodedDataLength").asLong(), Long::sum);
            }
        }
        return bytes;
    }

    private static void report(List<Load> loads) throws IOException {
        StringBuilder out = new StringBuilder("| page | path | tags | timing entries | HTML bytes | Resource Timing"
                + " bytes | DevTools bytes | checked KB |\n|---|---|---|---|---|---|---|---|\n");
        for (Load load : loads) {
            out.append("| %s | `%s` | %d | %d | %,d | %,d | %,d | %.1f |%n"
                    .formatted(
                            load.page(),
                            load.path(),
                            load.tags(),
                            load.resources(),
                            load.html(),
                            load.timed(),
                            load.network(),
                            load.bytes() / 1000.0));
        }
        out.append("\nLimit: %,d bytes.%n".formatted(LIMIT));
        for (Load load : loads) {
            out.append("%n%s (`%s`):%n".formatted(load.page(), load.path()));
            load.details().forEach(line -> out.append("- ").append(line).append('\n'));
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, out);
        System.out.println("First load with an empty cache:\n" + out);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    record Load(
            String page,
            String path,
            int tags,
            int resources,
            long html,
            long timed,
            long network,
            List<String> uncounted,
            List<String> fromCache,
            List<String> details) {

        long bytes() {
            return Math.max(timed, network);
        }
    }
}
