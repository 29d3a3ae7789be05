package com.echamado.ui.web;

import com.echamado.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An integration test driving one headless Chromium for the whole class ({@link Chromium}). */
abstract class ChromiumTest extends IntegrationTest {

    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
        wait = Chromium.waitFor(browser);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
