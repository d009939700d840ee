package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The users module tried in the real panel as new users would (U1, U9, U10, U12): the
 * operator founds an organization and invites someone by e-mail; the invited person,
 * in a browser of her own, creates her login from the mailed link; her rights follow
 * her role; and her removal ends her session at once.
 */
class UsersBrowserIT {

    private static final String PASSWORD = "e2e-Users-Browser-Passw0rd";
    private static final String ORGANIZATION = "Acme";
    private static final String CAROL = "carol";
    private static final String CAROL_EMAIL = "carol@example.com";
    private static final String CAROL_PASSWORD = "Carol-Browser-Passw0rd";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = HeadlessChromium.SCREENSHOTS.resolve("users");
    private static final Pattern INVITATION_LINK = Pattern.compile("/modules/users/accept\\.html#token=[A-Za-z0-9_%.~-]+");

    private static final By MEMBER_INVITE_OPEN = By.id("member-invite-open");
    private static final By CAROL_ROW = By.cssSelector("[data-testid=\"member-row\"][data-username=\"" + CAROL + "\"]");

    private static RunningPanel panel;
    /** The operator's API session, the only one allowed to read the mail outbox. */
    private static PanelSession operatorApi;
    private static WebDriver admin;
    private static WebDriverWait adminWait;
    private static ShellInBrowser adminShell;
    /** A second browser: its own profile, so its own cookies. */
    private static WebDriver carol;
    private static WebDriverWait carolWait;
    private static ShellInBrowser carolShell;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.deleteOldScreenshots(SCREENSHOTS);
        panel = RunningPanel.startFresh("users-browser", PASSWORD);
        // Logged in before Acme exists: the session works in the operator's organization.
        operatorApi = panel.login(ADMIN, PASSWORD);
        admin = HeadlessChromium.open(panel.home().resolveSibling("chromium-admin"));
        adminWait = new WebDriverWait(admin, WAIT);
        adminShell = new ShellInBrowser(admin, adminWait);
    }

    @AfterAll
    static void stop() {
        try {
            quit(admin);
        } finally {
            try {
                quit(carol);
            } finally {
                if (panel != null) {
                    panel.close();
                }
            }
        }
    }

    @Test
    void invitedPersonJoinsByMailedLinkGetsHerRolesRightsAndLosesAccessAtOnceWhenRemoved_U9_U10() throws Exception {
        try {
            adminFoundsAcmeAndSwitchesToIt();
            adminInvitesCarolAsBasic();
            String link = invitationLinkFromOutbox();
            carolCreatesHerLoginFromTheLink(link);
            carolLogsInAndSeesWhatBasicAccessHolds();
            adminMakesCarolAdministratorAndCarolSeesSupportAfterReload();
            adminRemovesCarolAndHerSessionEndsAtOnce();
        } catch (Exception | AssertionError failure) {
            screenshotOnFailure(admin, "failure-admin", failure);
            screenshotOnFailure(carol, "failure-carol", failure);
            throw failure;
        }
    }

    /** Step 1 (U1, U12): the creator of an organization owns it and switches to it without logging out. */
    private void adminFoundsAcmeAndSwitchesToIt() throws IOException {
        RunningPanel.assertStatus(200, panel.get("/"));
        admin.get(panel.uri("/").toString());
        adminShell.logIn(ADMIN, PASSWORD, "users.organization");
        adminShell.openModulePage("users.organization", "organization.html");
        // The list is filled after the page's handlers are in place: from then on, a submit stays in the page.
        adminWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=\"organization-row\"]")));
        admin.findElement(By.id("org-create-name")).sendKeys(ORGANIZATION);
        admin.findElement(By.id("org-create-submit")).click();
        adminWait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=\"organization-row\"][data-name=\"" + ORGANIZATION + "\"]")));
        screenshot(admin, "1-admin-created-acme");

        admin.switchTo().defaultContent();
        // Gone once the shell page reloads, as the switch does.
        script(admin, "window.kontorE2eMarker = 'before switch';");
        admin.switchTo().frame(admin.findElement(By.id("module-frame")));
        adminWait.until(ExpectedConditions.elementToBeClickable(By.id("org-switch-new"))).click();
        admin.switchTo().defaultContent();
        adminWait.until(browser -> script(browser, "return window.kontorE2eMarker === undefined"
                + " && document.readyState === 'complete';").equals(Boolean.TRUE));
        adminWait.until(browser -> ORGANIZATION.equals(selectedOrganization(browser)));
        screenshot(admin, "2-admin-in-acme");
    }

    /** Step 2 (U9): an invitation by e-mail, with the basic role. */
    private void adminInvitesCarolAsBasic() throws IOException {
        adminShell.openModulePage("users.members", "members.html");
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(MEMBER_INVITE_OPEN)).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-email"))).sendKeys(CAROL_EMAIL);
        new Select(admin.findElement(By.id("invite-role"))).selectByValue("basic");
        admin.findElement(By.id("invite-submit")).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=\"invitation-row\"][data-email=\"" + CAROL_EMAIL + "\"]")));
        screenshot(admin, "3-admin-invited-carol");
    }

    /** Step 3: no SMTP server is configured, so the mail waits in the outbox that the operator may read. */
    private String invitationLinkFromOutbox() {
        AtomicReference<String> link = new AtomicReference<>();
        Eventually.until("the invitation to " + CAROL_EMAIL + " is in the mail outbox", WAIT, () -> {
            List<JsonNode> mails = operatorApi.allItems("/api/v1/mail");
            for (JsonNode mail : mails) {
                Matcher found = INVITATION_LINK.matcher(mail.path("body").asText());
                if (CAROL_EMAIL.equals(mail.path("to").asText()) && found.find()) {
                    link.set(found.group());
                    return true;
                }
            }
            return false;
        });
        return link.get();
    }

    /** Step 4 (U9): the link, opened in another browser, creates a login that joins Acme. */
    private void carolCreatesHerLoginFromTheLink(String link) throws IOException {
        carol = HeadlessChromium.open(panel.home().resolveSibling("chromium-carol"));
        carolWait = new WebDriverWait(carol, WAIT);
        carolShell = new ShellInBrowser(carol, carolWait);
        carol.get(panel.uri(link).toString());
        carolWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accept-summary"), ORGANIZATION));
        // A fresh browser has no session: the page offers no acceptance as a logged-in user.
        assertFalse(carol.findElement(By.id("accept-as-current")).isDisplayed(), "the second browser shares the admin's session");
        carol.findElement(By.id("accept-choose-new")).click();
        carolWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accept-username"))).sendKeys(CAROL);
        carol.findElement(By.id("accept-display-name")).sendKeys("Carol Example");
        carol.findElement(By.id("accept-password")).sendKeys(CAROL_PASSWORD);
        carol.findElement(By.id("accept-password-repeat")).sendKeys(CAROL_PASSWORD);
        carol.findElement(By.id("accept-new-submit")).click();
        WebElement result = carolWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accept-result")));
        assertTrue(result.getText().contains(CAROL) && result.getText().contains(ORGANIZATION),
                "the acceptance did not confirm login and organization: " + result.getText());
        screenshot(carol, "4-carol-accepted");
    }

    /** Step 4 (U8): basic access holds members.view, workgroups.view and the profile; not support.view. */
    private void carolLogsInAndSeesWhatBasicAccessHolds() throws IOException {
        carol.findElement(By.id("accept-open-panel")).click();
        carolShell.logIn(CAROL, CAROL_PASSWORD, "users.organization");
        carolWait.until(ExpectedConditions.visibilityOfElementLocated(ShellInBrowser.menuItem("users.members")));
        assertEquals(ORGANIZATION, selectedOrganization(carol), "carol works in the organization she joined");
        for (String granted : List.of("users.members", "users.roles", "users.workgroups", "users.organization")) {
            assertTrue(carolShell.isInMenu(granted), granted + " missing from a basic member's menu");
        }
        assertFalse(carolShell.isInMenu("users.support"), "basic access does not hold users.support.view");
        assertFalse(carolShell.isInMenu("panel.modules"), "carol is none of the operator's staff");
        screenshot(carol, "5-carol-menu-as-basic");
    }

    /** Step 5 (U5): a role change shows in the member's menu on her next page load. */
    private void adminMakesCarolAdministratorAndCarolSeesSupportAfterReload() throws IOException {
        // The members page was loaded before carol joined: a reload lists her.
        admin.navigate().refresh();
        adminShell.enterModuleFrame();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(MEMBER_INVITE_OPEN));
        WebElement row = adminWait.until(ExpectedConditions.visibilityOfElementLocated(CAROL_ROW));
        assertEquals("basic", row.getAttribute("data-role"));
        row.findElement(By.cssSelector("[data-testid=\"member-edit\"]")).click();
        new Select(adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-role"))))
                .selectByValue("administrator");
        admin.findElement(By.id("member-save")).click();
        adminWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=\"member-row\"][data-username=\"" + CAROL + "\"][data-role=\"administrator\"]")));
        screenshot(admin, "6-admin-made-carol-administrator");

        carol.navigate().refresh();
        carolWait.until(ExpectedConditions.visibilityOfElementLocated(ShellInBrowser.menuItem("users.support")));
        screenshot(carol, "7-carol-menu-as-administrator");
    }

    /** Step 6 (U10, U1): removal ends carol's session in Acme at once; her only organization gone, her login goes too. */
    private void adminRemovesCarolAndHerSessionEndsAtOnce() throws IOException {
        admin.findElement(CAROL_ROW).findElement(By.cssSelector("[data-testid=\"member-remove\"]")).click();
        adminWait.until(ExpectedConditions.alertIsPresent()).accept();
        adminWait.until(ExpectedConditions.invisibilityOfElementLocated(CAROL_ROW));
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("member-notice"), CAROL));
        screenshot(admin, "8-admin-removed-carol");

        // Her very next request, from the page she still has open.
        assertEquals(401L, ((JavascriptExecutor) carol).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/menu', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })"
                        + ".then((response) => done(response.status), () => done(-1));"),
                "carol's session still answers after her removal");
        carol.navigate().refresh();
        carolWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertFalse(carol.findElement(By.id("shell")).isDisplayed(), "the shell still shows after the removal");
        screenshot(carol, "9-carol-logged-out");

        carolShell.submitLogin(CAROL, CAROL_PASSWORD);
        carolWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertFalse(carol.findElement(By.id("shell")).isDisplayed(), "a login without any organization got in");
        screenshot(carol, "10-carol-cannot-log-in");
    }

    /** The organization the shell's switcher shows as current. */
    private static String selectedOrganization(WebDriver browser) {
        return (String) script(browser, "const select = document.getElementById('organization');"
                + "return select.selectedIndex < 0 ? null : select.options[select.selectedIndex].text;");
    }

    private static Object script(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The whole window, whichever frame the driver is in: the frame stays the current one. */
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
