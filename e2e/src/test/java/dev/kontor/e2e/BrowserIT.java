package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The shell in headless Chromium: login, then a module appearing and vanishing live in the menu. */
class BrowserIT {

    private static final String PASSWORD = "e2e-Browser-Passw0rd";
    private static final By HELLO_LINK = ShellInBrowser.menuItem("hello.main");
    private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS;

    private static RunningPanel panel;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static ShellInBrowser shell;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.deleteOldScreenshots(SCREENSHOTS);
        panel = RunningPanel.startFresh("browser", PASSWORD);
        browser = HeadlessChromium.open(panel.home().resolveSibling("chromium-profile"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        shell = new ShellInBrowser(browser, wait);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (panel != null) {
                panel.close();
            }
        }
    }

    @Test
    void moduleDeployedWhileLoggedInAppearsInMenuOpensAndVanishesWithoutReload() throws Exception {
        try {
            // A clear message when the shell page is missing, rather than a timeout in the browser.
            RunningPanel.assertStatus(200, panel.get("/"));
            browser.get(panel.uri("/").toString());
            shell.logIn(ADMIN, PASSWORD, "panel.modules");
            // Survives only as long as the page is not reloaded.
            script("window.kontorE2eMarker = 'same page';");
            screenshot("1-logged-in");

            Path jar = panel.deploy().resolve(panel.helloJar().getFileName());
            Files.copy(panel.helloJar(), jar, StandardCopyOption.REPLACE_EXISTING);
            wait.until(ExpectedConditions.visibilityOfElementLocated(HELLO_LINK));
            assertSamePage();
            screenshot("2-module-in-menu");

            shell.openModulePage("hello.main", "index.html");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1#title")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p#greeting"), "Hello, admin!"));
            browser.switchTo().defaultContent();
            screenshot("3-module-page");

            Files.delete(jar);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(HELLO_LINK));
            assertSamePage();
            screenshot("4-module-removed");
        } catch (Exception | AssertionError failure) {
            try {
                browser.switchTo().defaultContent();
                screenshot("failure");
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
    }

    private void assertSamePage() {
        assertEquals("same page", script("return window.kontorE2eMarker;"), "the shell reloaded the page");
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, SCREENSHOTS, name);
    }
}
