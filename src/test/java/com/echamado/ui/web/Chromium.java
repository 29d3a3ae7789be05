package com.echamado.ui.web;

import com.echamado.support.TestUsers;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;

/**
 * Debian's headless Chromium and chromedriver for the browser tests (nothing is downloaded). Skipped locally when
 * they are missing; with CI=true that fails instead.
 */
final class Chromium {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {}

    static WebDriver start() {
        return start(false);
    }

    /**
     * With {@code recordNetwork}, ChromeDriver keeps the DevTools network events of every load in its performance
     * log, which {@code FirstLoadBrowserTests} reads to count every byte received.
     */
    static WebDriver start(boolean recordNetwork) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String message = "Chromium or chromedriver missing (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            throw new TestAbortedException(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--lang=pt-BR");
        if (recordNetwork) {
            options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Signs the user in through the login form (password {@code TestUsers.PASSWORD}) and waits for the shell. */
    static void signIn(WebDriver browser, String baseUrl, String email) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/login'] button[type='submit']"))
                .click();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.who")));
    }

    /** 30 seconds, ignoring elements that a form post's reload replaced under a lookup. */
    static WebDriverWait waitFor(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
