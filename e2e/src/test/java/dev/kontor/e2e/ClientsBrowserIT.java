package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The clients module tried in the real panel as its users would (C1, C2, C3, C4): the
 * operator, in a browser set to German, finds "Kunden" in the menu, creates a client with
 * its first login, finds it by search and suspends it; the client's owner, in a browser
 * of its own, logs in and sees its own client (its client number on the "Partner access"
 * page, its record through the API) without the internal description, and is shut out
 * at once by the suspension.
 */
class ClientsBrowserIT {

    private static final String PASSWORD = "e2e-Clients-Browser-Passw0rd";
    private static final String CLIENT_NAME = "Quirin Browserkunde";
    private static final String CLIENT_USERNAME = "quirin";
    private static final String CLIENT_PASSWORD = "Quirin-Browser-Passw0rd";
    private static final String VISIBLE_INFO = "Sichtbar für den Kunden";
    private static final String DESCRIPTION = "intern-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS.resolve("clients");

    private static RunningPanel panel;
    private static PanelSession operatorApi;
    private static WebDriver operator;
    private static WebDriverWait operatorWait;
    private static ShellInBrowser operatorShell;
    private static WebDriver owner;
    private static WebDriverWait ownerWait;
    private static ShellInBrowser ownerShell;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.deleteOldScreenshots(SCREENSHOTS);
        panel = RunningPanel.startFresh("clients-browser", PASSWORD);
        operatorApi = panel.login(ADMIN, PASSWORD);
        // A second client, so that the search has something to leave out.
        new ClientsApi(panel, operatorApi).client("Zora Nebenkundin", null);
        operator = HeadlessChromium.open(panel.home().resolveSibling("chromium-operator"), "de-DE");
        operatorWait = new WebDriverWait(operator, WAIT);
        // The list is rebuilt after every action: a row found a moment ago may be replaced.
        operatorWait.ignoring(StaleElementReferenceException.class);
        operatorShell = new ShellInBrowser(operator, operatorWait);
    }

    @AfterAll
    static void stop() {
        try {
            quit(operator);
        } finally {
            try {
                quit(owner);
            } finally {
                if (panel != null) {
                    panel.close();
                }
            }
        }
    }

    @Test
    void operatorCreatesFindsAndSuspendsClientWhoseOwnerSeesNoInternalDescription_C1_C2_C3_C4() throws Exception {
        try {
            operatorOpensClientsInGerman();
            String clientId = operatorCreatesClientWithFirstLogin();
            operatorFindsItBySearch(clientId);
            ownerLogsInAndSeesOwnClientWithoutDescription(clientId);
            operatorSuspendsIt(clientId);
            ownerIsShutOutAtOnce();
        } catch (Exception | AssertionError failure) {
            screenshotOnFailure(operator, "failure-operator", failure);
            screenshotOnFailure(owner, "failure-owner", failure);
            throw failure;
        }
    }

    /** The browser's language is German: the shell, the menu and the module page speak it. */
    private void operatorOpensClientsInGerman() throws IOException {
        RunningPanel.assertStatus(200, panel.get("/"));
        operator.get(panel.uri("/").toString());
        operatorWait.until(ExpectedConditions.textToBe(By.id("login-submit"), "Anmelden"));
        operatorShell.logIn(ADMIN, PASSWORD, "clients.main");
        assertEquals("Kunden", operatorShell.menuLabel("clients.main"));
        operatorShell.openModulePage("clients.main", "index.html");
        operatorWait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Kunden"));
        // The list is loaded once the page's handlers are in place: from then on, clicks work.
        operatorWait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=\"client-row\"]"), 1));
        assertEquals("Neuer Kunde", operator.findElement(By.id("new-client")).getText());
        screenshot(operator, "1-operator-clients-in-german");
    }

    /** C1: contact data, additional information, the internal description and the first login in one form. */
    private String operatorCreatesClientWithFirstLogin() throws IOException {
        operator.findElement(By.id("new-client")).click();
        operatorWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-name"))).sendKeys(CLIENT_NAME);
        operator.findElement(By.id("f-email")).sendKeys(CLIENT_USERNAME + "@example.com");
        operator.findElement(By.id("f-additional-info")).sendKeys(VISIBLE_INFO);
        operator.findElement(By.id("f-description")).sendKeys(DESCRIPTION);
        operator.findElement(By.id("f-username")).sendKeys(CLIENT_USERNAME);
        operator.findElement(By.id("f-password")).sendKeys(CLIENT_PASSWORD);
        screenshot(operator, "2-operator-new-client-form");
        operator.findElement(By.id("client-save")).click();
        operatorWait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("client-form")));
        WebElement row = operatorWait.until(ExpectedConditions.visibilityOfElementLocated(rowNamed(CLIENT_NAME)));
        String clientId = row.getAttribute("data-id");
        JsonNode stored = operatorApi.getJson("/api/v1/clients/" + clientId);
        assertEquals(DESCRIPTION, stored.path("description").asText(), stored.toString());
        assertEquals(VISIBLE_INFO, stored.path("additional_info").asText(), stored.toString());
        screenshot(operator, "3-operator-client-created");
        return clientId;
    }

    /** C3: a word of the name finds the client and leaves the other one out. */
    private void operatorFindsItBySearch(String clientId) throws IOException {
        operator.findElement(By.id("search")).sendKeys("quir");
        operator.findElement(By.id("search-submit")).click();
        operatorWait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=\"client-row\"]"), 1));
        assertEquals(clientId, operator.findElement(By.cssSelector("[data-testid=\"client-row\"]")).getAttribute("data-id"));
        assertEquals("Aktiv", stateCell(clientId).getText());
        screenshot(operator, "4-operator-found-client");
    }

    /** C2: in a browser of its own, the owner reaches its client: number and record, never the description. */
    private void ownerLogsInAndSeesOwnClientWithoutDescription(String clientId) throws IOException {
        owner = HeadlessChromium.open(panel.home().resolveSibling("chromium-owner"), "en-GB");
        ownerWait = new WebDriverWait(owner, WAIT);
        ownerShell = new ShellInBrowser(owner, ownerWait);
        owner.get(panel.uri("/").toString());
        ownerShell.logIn(CLIENT_USERNAME, CLIENT_PASSWORD, "clients.partner-access");
        assertFalse(ownerShell.isInMenu("clients.main"), "a client's owner is none of the staff who list clients");
        ownerShell.openModulePage("clients.partner-access", "partner.html");
        ownerWait.until(ExpectedConditions.textToBe(By.id("own-client-id"), clientId));
        String page = owner.getPageSource();
        owner.switchTo().defaultContent();
        String shell = owner.getPageSource();
        String record = ownerShell.fetchBody("/api/v1/clients/" + clientId);
        screenshot(owner, "5-owner-own-client");
        for (String seen : List.of(page, shell, record)) {
            assertFalse(seen.contains(DESCRIPTION), "the owner sees the internal description (C2): " + seen);
        }
        JsonNode own = new ObjectMapper().readTree(record);
        assertEquals(CLIENT_NAME, own.path("name").asText(), record);
        assertEquals(VISIBLE_INFO, own.path("additional_info").asText(), record);
        assertTrue(own.path("description").isMissingNode(), record);
    }

    /** C4: selected and suspended in bulk, the row shows the new state in German. */
    private void operatorSuspendsIt(String clientId) throws IOException {
        operatorShell.enterModuleFrame();
        operator.findElement(By.cssSelector("[data-testid=\"client-row\"][data-id=\"" + clientId + "\"] "
                + "[data-testid=\"client-select\"]")).click();
        operatorWait.until(ExpectedConditions.elementToBeClickable(By.id("bulk-suspend"))).click();
        operatorWait.until(driver -> "Gesperrt".equals(stateCell(clientId).getText()));
        assertTrue(stateCell(clientId).getAttribute("class").contains("state-suspended"));
        assertEquals("suspended", operatorApi.getJson("/api/v1/clients/" + clientId).path("state").asText());
        screenshot(operator, "6-operator-client-suspended");
    }

    /** C4: the owner's open page gets no answer any more, and logging in again is refused. */
    private void ownerIsShutOutAtOnce() throws IOException {
        assertEquals(401L, ownerShell.fetchStatus("/api/v1/menu"), "the suspended client's session still works");
        owner.navigate().refresh();
        ownerWait.until(ExpectedConditions.visibilityOfElementLocated(ShellInBrowser.LOGIN_FORM));
        ownerShell.submitLogin(CLIENT_USERNAME, CLIENT_PASSWORD);
        ownerWait.until(ExpectedConditions.visibilityOfElementLocated(ShellInBrowser.LOGIN_ERROR));
        assertFalse(owner.findElement(By.id("shell")).isDisplayed(), "a suspended client's owner got in");
        screenshot(owner, "7-owner-refused");
    }

    private static By rowNamed(String name) {
        return By.xpath("//tr[@data-testid='client-row'][td[@data-testid='client-name' and text()='" + name + "']]");
    }

    private static WebElement stateCell(String clientId) {
        return operator.findElement(By.cssSelector("[data-testid=\"client-row\"][data-id=\"" + clientId + "\"] "
                + "[data-testid=\"client-state\"]"));
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        HeadlessChromium.screenshot(browser, SCREENSHOTS, name);
    }

    private static void screenshotOnFailure(WebDriver browser, String name, Throwable failure) {
        if (browser == null) {
            return;
        }
        try {
            browser.switchTo().defaultContent();
            screenshot(browser, name);
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private static void quit(WebDriver browser) {
        if (browser != null) {
            browser.quit();
        }
    }
}
