package dev.kontor.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, as the browser tests use
 * it: no downloads, one profile (and so one cookie jar) per browser, screenshots as PNG.
 */
final class HeadlessChromium {

    /** Where the browser tests leave their screenshots. */
    static final Path SCREENSHOTS = Paths.get(System.getProperty("kontor.e2e.screenshots", "target/screenshots"));

    // Held strongly: Selenium warns about the CDP version of a newer Chromium, which these tests do not use.
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");
    private static final Logger CHROMIUM_LOG = Logger.getLogger("org.openqa.selenium.chromium");

    private HeadlessChromium() {
    }

    /** A new browser with its own profile folder: browsers opened with different folders share no cookies. */
    static ChromeDriver open(Path profile) {
        return open(profile, null);
    }

    /**
     * The same, set to a language ({@code "de-DE"}) as its user would: pages read it from
     * {@code navigator.language} and requests carry it in {@code Accept-Language}. Null
     * keeps the machine's.
     */
    static ChromeDriver open(Path profile, String language) {
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
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        if (language != null) {
            options.addArguments("--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        }
        return new ChromeDriver(options);
    }

    /** Creates the folder and deletes the PNGs an earlier run left there (not those of subfolders). */
    static void deleteOldScreenshots(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path png : old.filter(file -> file.toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
    }

    /** What the browser shows now, as {@code <folder>/<name>.png}. */
    static void screenshot(WebDriver browser, Path folder, String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.move(png, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
