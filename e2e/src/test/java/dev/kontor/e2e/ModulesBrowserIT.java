package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.e2e.Browsers.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator's module management page in a real browser: switching the clients module
 * off for the whole panel takes its menu item away at once, removing the rule brings it
 * back, and an upload is refused with a problem while etc/ leaves uploads off.
 */
class ModulesBrowserIT {

    private static final String PASSWORD = "e2e-Modules-Browser-Passw0rd";
    private static final String CLIENTS_MENU = "clients.main";
    private static final By CLIENTS_ROW = By.cssSelector("[data-testid=\"module-row\"][data-id=\"clients\"]");
    private static final By CLIENTS_RULES = By.cssSelector("[data-testid=\"module-row\"][data-id=\"clients\"] [data-testid=\"module-rules\"]");

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("modules", PASSWORD);

    @Test
    void operatorSwitchesClientsOffForThePanelAndBackAndIsToldUploadsAreOff() throws Exception {
        Browser admin = BROWSERS.open("admin", null);
        admin.driver().get(BROWSERS.panel().uri("/").toString());
        admin.shell().logIn(ADMIN, PASSWORD, "modules.main");
        assertTrue(admin.shell().isInMenu(CLIENTS_MENU));
        admin.shell().openModulePage("modules.main", "index.html");
        admin.until(ExpectedConditions.presenceOfElementLocated(CLIENTS_ROW));

        admin.shell().click(By.cssSelector("[data-testid=\"module-row\"][data-id=\"clients\"] [data-testid=\"switch\"]"));
        admin.shell().click(By.id("switch-off"));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(CLIENTS_RULES, "off"));
        admin.screenshot("1-clients-off");
        admin.until(driver -> !admin.shell().isInMenu(CLIENTS_MENU));

        admin.shell().enterModuleFrame();
        admin.shell().click(By.cssSelector("[data-testid=\"module-row\"][data-id=\"clients\"] [data-testid=\"switch\"]"));
        admin.shell().click(By.id("rule-delete"));
        admin.until(driver -> admin.shell().isInMenu(CLIENTS_MENU));

        admin.shell().enterModuleFrame();
        admin.find(By.id("upload-file")).sendKeys(anyModuleJar().toString());
        admin.shell().click(By.id("upload"));
        By problem = By.cssSelector("#upload-form [data-role=\"problem\"]");
        admin.until(ExpectedConditions.attributeToBe(problem, "data-problem-type", "upload-disabled"));
        assertTrue(admin.find(problem).getText().contains("upload.enabled"), "the problem says which setting allows uploads");
        admin.screenshot("2-upload-refused");
    }

    /** A module jar the distribution ships. */
    private static Path anyModuleJar() throws Exception {
        try (Stream<Path> files = Files.list(BROWSERS.panel().home().resolve("bundles"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("kontor-clients-")).findFirst().orElseThrow();
        }
    }
}
