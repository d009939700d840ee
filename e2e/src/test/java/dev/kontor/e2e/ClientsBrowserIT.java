package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kontor.e2e.Browsers.Browser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("clients", PASSWORD);

    private static Browser operator;
    private static Browser owner;

    @BeforeAll
    static void start() throws IOException {
        // A second client, so that the search has something to leave out.
        new ClientsApi(BROWSERS.panel(), BROWSERS.operatorApi()).client("Zora Nebenkundin", null);
        operator = BROWSERS.open("operator", "de-DE");
    }

    @Test
    void operatorCreatesFindsAndSuspendsClientWhoseOwnerSeesNoInternalDescription_C1_C2_C3_C4() throws Exception {
        operatorOpensClientsInGerman();
        String clientId = operatorCreatesClientWithFirstLogin();
        operatorFindsItBySearch(clientId);
        ownerLogsInAndSeesOwnClientWithoutDescription(clientId);
        operatorSuspendsIt(clientId);
        ownerIsShutOutAtOnce();
    }

    /** The browser's language is German: the shell, the menu and the module page speak it. */
    private void operatorOpensClientsInGerman() throws IOException {
        RunningPanel.assertStatus(200, BROWSERS.panel().get("/"));
        operator.driver().get(BROWSERS.panel().uri("/").toString());
        operator.until(ExpectedConditions.textToBe(By.id("login-submit"), "Anmelden"));
        operator.shell().logIn(ADMIN, PASSWORD, "clients.main");
        assertEquals("Kunden", operator.shell().menuLabel("clients.main"));
        operator.shell().openModulePage("clients.main", "index.html");
        operator.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Kunden"));
        // The list is loaded once the page's handlers are in place: from then on, clicks work.
        operator.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=\"client-row\"]"), 1));
        assertEquals("Neuer Kunde", operator.find(By.id("new-client")).getText());
        operator.screenshot("1-operator-clients-in-german");
    }

    /** C1: contact data, additional information, the internal description and the first login in one form. */
    private String operatorCreatesClientWithFirstLogin() throws IOException {
        operator.find(By.id("new-client")).click();
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-name"))).sendKeys(CLIENT_NAME);
        operator.find(By.id("f-email")).sendKeys(CLIENT_USERNAME + "@example.com");
        operator.find(By.id("f-additional-info")).sendKeys(VISIBLE_INFO);
        operator.find(By.id("f-description")).sendKeys(DESCRIPTION);
        operator.find(By.id("f-username")).sendKeys(CLIENT_USERNAME);
        operator.find(By.id("f-password")).sendKeys(CLIENT_PASSWORD);
        operator.screenshot("2-operator-new-client-form");
        operator.find(By.id("client-save")).click();
        operator.until(ExpectedConditions.invisibilityOfElementLocated(By.id("client-form")));
        WebElement row = operator.until(ExpectedConditions.visibilityOfElementLocated(rowNamed(CLIENT_NAME)));
        String clientId = row.getAttribute("data-id");
        JsonNode stored = BROWSERS.operatorApi().getJson("/api/v1/clients/" + clientId);
        assertEquals(DESCRIPTION, stored.path("description").asText(), stored.toString());
        assertEquals(VISIBLE_INFO, stored.path("additional_info").asText(), stored.toString());
        operator.screenshot("3-operator-client-created");
        return clientId;
    }

    /** C3: a word of the name finds the client and leaves the other one out. */
    private void operatorFindsItBySearch(String clientId) throws IOException {
        operator.find(By.id("search")).sendKeys("quir");
        operator.find(By.id("search-submit")).click();
        operator.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=\"client-row\"]"), 1));
        assertEquals(clientId, operator.find(By.cssSelector("[data-testid=\"client-row\"]")).getAttribute("data-id"));
        assertEquals("Aktiv", stateCell(clientId).getText());
        operator.screenshot("4-operator-found-client");
    }

    /** C2: in a browser of its own, the owner reaches its client: number and record, never the description. */
    private void ownerLogsInAndSeesOwnClientWithoutDescription(String clientId) throws IOException {
        owner = BROWSERS.open("owner", "en-GB");
        owner.driver().get(BROWSERS.panel().uri("/").toString());
        owner.shell().logIn(CLIENT_USERNAME, CLIENT_PASSWORD, "clients.partner-access");
        assertFalse(owner.shell().isInMenu("clients.main"), "a client's owner is none of the staff who list clients");
        owner.shell().openModulePage("clients.partner-access", "partner.html");
        owner.until(ExpectedConditions.textToBe(By.id("own-client-id"), clientId));
        String page = owner.driver().getPageSource();
        owner.driver().switchTo().defaultContent();
        String shell = owner.driver().getPageSource();
        String record = owner.shell().fetchBody("/api/v1/clients/" + clientId);
        owner.screenshot("5-owner-own-client");
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
        operator.shell().enterModuleFrame();
        operator.find(By.cssSelector("[data-testid=\"client-row\"][data-id=\"" + clientId + "\"] "
                + "[data-testid=\"client-select\"]")).click();
        operator.until(ExpectedConditions.elementToBeClickable(By.id("bulk-suspend"))).click();
        operator.until(driver -> "Gesperrt".equals(stateCell(clientId).getText()));
        assertTrue(stateCell(clientId).getAttribute("class").contains("state-suspended"));
        assertEquals("suspended", BROWSERS.operatorApi().getJson("/api/v1/clients/" + clientId).path("state").asText());
        operator.screenshot("6-operator-client-suspended");
    }

    /** C4: the owner's open page gets no answer any more, and logging in again is refused. */
    private void ownerIsShutOutAtOnce() throws IOException {
        assertEquals(401L, owner.shell().fetchStatus("/api/v1/menu"), "the suspended client's session still works");
        owner.driver().navigate().refresh();
        owner.until(ExpectedConditions.visibilityOfElementLocated(ShellInBrowser.LOGIN_FORM));
        owner.shell().submitLogin(CLIENT_USERNAME, CLIENT_PASSWORD);
        owner.until(ExpectedConditions.visibilityOfElementLocated(ShellInBrowser.LOGIN_ERROR));
        assertFalse(owner.find(By.id("shell")).isDisplayed(), "a suspended client's owner got in");
        owner.screenshot("7-owner-refused");
    }

    private static By rowNamed(String name) {
        return By.xpath("//tr[@data-testid='client-row'][td[@data-testid='client-name' and text()='" + name + "']]");
    }

    private static WebElement stateCell(String clientId) {
        return operator.find(By.cssSelector("[data-testid=\"client-row\"][data-id=\"" + clientId + "\"] "
                + "[data-testid=\"client-state\"]"));
    }
}
