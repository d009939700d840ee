package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontor.e2e.Browsers.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The shell in headless Chromium: login, then a module appearing and vanishing live in the menu. */
class BrowserIT {

    private static final String PASSWORD = "e2e-Browser-Passw0rd";
    private static final By HELLO_LINK = ShellInBrowser.menuItem("hello.main");

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("shell", PASSWORD);

    @Test
    void moduleDeployedWhileLoggedInAppearsInMenuOpensAndVanishesWithoutReload() throws Exception {
        RunningPanel panel = BROWSERS.panel();
        Browser browser = BROWSERS.open("admin", null);
        // A clear message when the shell page is missing, rather than a timeout in the browser.
        RunningPanel.assertStatus(200, panel.get("/"));
        browser.driver().get(panel.uri("/").toString());
        browser.shell().logIn(ADMIN, PASSWORD, "panel.modules");
        // Survives only as long as the page is not reloaded.
        script(browser, "window.kontorE2eMarker = 'same page';");
        browser.screenshot("1-logged-in");

        Path jar = panel.deploy().resolve(panel.helloJar().getFileName());
        Files.copy(panel.helloJar(), jar, StandardCopyOption.REPLACE_EXISTING);
        browser.until(ExpectedConditions.visibilityOfElementLocated(HELLO_LINK));
        assertSamePage(browser);
        browser.screenshot("2-module-in-menu");

        browser.shell().openModulePage("hello.main", "index.html");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1#title")));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p#greeting"), "Hello, admin!"));
        browser.driver().switchTo().defaultContent();
        browser.screenshot("3-module-page");

        Files.delete(jar);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(HELLO_LINK));
        assertSamePage(browser);
        browser.screenshot("4-module-removed");
    }

    private static void assertSamePage(Browser browser) {
        assertEquals("same page", script(browser, "return window.kontorE2eMarker;"), "the shell reloaded the page");
    }

    private static Object script(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
