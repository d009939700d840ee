package dev.kontor.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh panel and the browsers of one browser test class, registered as a static
 * extension ({@code @RegisterExtension static final Browsers BROWSERS = new Browsers("clients", PASSWORD)}).
 * The panel starts, and the operator's API session logs in, before the class's
 * {@code @BeforeAll} methods. Each browser has its
 * own profile (so its own cookies), its wait and its shell; their screenshots go to one
 * folder under {@link HeadlessChromium#SCREENSHOTS}, emptied of an earlier run's first.
 * When a test fails, every open browser leaves a screenshot {@code failure-<name>}; after
 * the class, all of them quit and the panel stops.
 */
final class Browsers implements BeforeAllCallback, TestWatcher, AfterAllCallback {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final String name;
    private final String adminPassword;
    private final Path screenshots;
    private final List<Browser> open = new ArrayList<>();
    private RunningPanel panel;
    private PanelSession operatorApi;

    /**
     * @param name names the panel's folder ({@code <name>-browser}) and the screenshots' ({@code <name>})
     * @param adminPassword the operator's password of the fresh panel
     */
    Browsers(String name, String adminPassword) {
        this.name = name;
        this.adminPassword = adminPassword;
        this.screenshots = HeadlessChromium.SCREENSHOTS.resolve(name);
    }

    RunningPanel panel() {
        return panel;
    }

    /** The operator's ({@code admin}) session for the REST API, logged in when the panel started. */
    PanelSession operatorApi() {
        return operatorApi;
    }

    /**
     * A new browser for one person of the test, its profile beside the panel's home.
     *
     * @param person who uses it ({@code "operator"}): names its profile and its failure screenshot
     * @param language as {@link HeadlessChromium#open(Path, String)}; null keeps the machine's
     */
    Browser open(String person, String language) {
        Browser browser = new Browser(person, HeadlessChromium.open(panel.home().resolveSibling("chromium-" + person), language),
                screenshots);
        open.add(browser);
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        HeadlessChromium.deleteOldScreenshots(screenshots);
        panel = RunningPanel.startFresh(name + "-browser", adminPassword);
        operatorApi = panel.login(RunningPanel.ADMIN, adminPassword);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (Browser browser : open) {
            try {
                browser.driver().switchTo().defaultContent();
                browser.screenshot("failure-" + browser.name());
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RuntimeException first = null;
        for (Browser browser : open) {
            try {
                browser.driver().quit();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        open.clear();
        if (panel != null) {
            panel.close();
        }
        if (first != null) {
            throw first;
        }
    }

    /** One person's browser: the driver, a wait on it and the shell. */
    static final class Browser {

        private final String name;
        private final WebDriver driver;
        private final WebDriverWait wait;
        private final ShellInBrowser shell;
        private final Path screenshots;

        private Browser(String name, WebDriver driver, Path screenshots) {
            this.name = name;
            this.driver = driver;
            this.wait = new WebDriverWait(driver, WAIT);
            // Pages rebuild their lists after every action: an element found a moment ago may be replaced.
            wait.ignoring(StaleElementReferenceException.class);
            this.shell = new ShellInBrowser(driver, wait);
            this.screenshots = screenshots;
        }

        String name() {
            return name;
        }

        WebDriver driver() {
            return driver;
        }

        ShellInBrowser shell() {
            return shell;
        }

        /** Waits until the condition answers something other than null or false, and answers that. */
        <V> V until(Function<? super WebDriver, V> condition) {
            return wait.until(condition);
        }

        WebElement find(By target) {
            return driver.findElement(target);
        }

        /** The whole window, whichever frame the driver is in: the frame stays the current one. */
        void screenshot(String shot) throws IOException {
            HeadlessChromium.screenshot(driver, screenshots, shot);
        }
    }
}
