package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The shell in headless Chromium: login, then a module appearing and vanishing live in the menu. */
class BrowserIT {

    private static final String PASSWORD = "e2e-Browser-Passw0rd";
    private static final By HELLO_LINK = By.cssSelector("#menu a[data-menu-id=\"hello.main\"]");
    private static final By MODULES_LINK = By.cssSelector("#menu a[data-menu-id=\"panel.modules\"]");
    private static final Path SCREENSHOTS = Paths.get(System.getProperty("kontor.e2e.screenshots", "target/screenshots"));

    // Held strongly: Selenium warns about the CDP version of a newer Chromium, which these tests do not use.
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");
    private static final Logger CHROMIUM_LOG = Logger.getLogger("org.openqa.selenium.chromium");

    private static RunningPanel panel;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        // Given explicitly, so Selenium Manager never looks for (or downloads) a driver.
        Path driver = Paths.get(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        System.setProperty("webdriver.chrome.driver", driver.toString());
        Path chromium = Paths.get(System.getProperty("kontor.e2e.chromium", "/usr/bin/chromium"));
        // Missing tools must fail the build, not skip the test.
        assertTrue(Files.isExecutable(driver) && Files.isExecutable(chromium),
                "Needs Debian's headless Chromium: " + chromium + " and " + driver
                        + " must exist. Install them with: apt-get install -y chromium chromium-driver");
        CDP_LOG.setLevel(Level.SEVERE);
        CHROMIUM_LOG.setLevel(Level.SEVERE);
        deleteOldScreenshots();
        panel = RunningPanel.startFresh("browser", PASSWORD);
        browser = new ChromeDriver(options(chromium, panel.home().resolveSibling("chromium-profile")));
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
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
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(ADMIN);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(MODULES_LINK));
            // Survives only as long as the page is not reloaded.
            script("window.kontorE2eMarker = 'same page';");
            screenshot("1-logged-in");

            Path jar = panel.deploy().resolve(panel.helloJar().getFileName());
            Files.copy(panel.helloJar(), jar, StandardCopyOption.REPLACE_EXISTING);
            wait.until(ExpectedConditions.visibilityOfElementLocated(HELLO_LINK));
            assertSamePage();
            screenshot("2-module-in-menu");

            browser.findElement(HELLO_LINK).click();
            wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("module-frame")));
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

    private static ChromeOptions options(Path chromium, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        return options;
    }

    private void assertSamePage() {
        assertEquals("same page", script("return window.kontorE2eMarker;"), "the shell reloaded the page");
    }

    private static Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void deleteOldScreenshots() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            for (Path png : old.filter(file -> file.toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
    }

    private static void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.move(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
