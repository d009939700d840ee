package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kontor.e2e.Browsers.Browser;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

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
    private static final Pattern INVITATION_LINK = Pattern.compile("/modules/users/accept\\.html#token=[A-Za-z0-9_%.~-]+");

    private static final By MEMBER_INVITE_OPEN = By.id("member-invite-open");
    private static final By CAROL_ROW = By.cssSelector("[data-testid=\"member-row\"][data-username=\"" + CAROL + "\"]");

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("users", PASSWORD);

    private static Browser admin;
    /** A second browser: its own profile, so its own cookies. */
    private static Browser carol;

    @BeforeAll
    static void start() {
        admin = BROWSERS.open("admin", null);
    }

    @Test
    void invitedPersonJoinsByMailedLinkGetsHerRolesRightsAndLosesAccessAtOnceWhenRemoved_U9_U10() throws Exception {
        adminFoundsAcmeAndSwitchesToIt();
        adminInvitesCarolAsBasic();
        String link = invitationLinkFromOutbox();
        carolCreatesHerLoginFromTheLink(link);
        carolLogsInAndSeesWhatBasicAccessHolds();
        adminMakesCarolAdministratorAndCarolSeesSupportAfterReload();
        adminRemovesCarolAndHerSessionEndsAtOnce();
    }

    /** Step 1 (U1, U12): the creator of an organization owns it and switches to it without logging out. */
    private void adminFoundsAcmeAndSwitchesToIt() throws IOException {
        RunningPanel.assertStatus(200, BROWSERS.panel().get("/"));
        admin.driver().get(BROWSERS.panel().uri("/").toString());
        admin.shell().logIn(ADMIN, PASSWORD, "users.organization");
        admin.shell().openModulePage("users.organization", "organization.html");
        // The list is filled after the page's handlers are in place: from then on, a submit stays in the page.
        admin.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=\"organization-row\"]")));
        admin.find(By.id("org-create-name")).sendKeys(ORGANIZATION);
        admin.find(By.id("org-create-submit")).click();
        admin.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=\"organization-row\"][data-name=\"" + ORGANIZATION + "\"]")));
        admin.screenshot("1-admin-created-acme");

        admin.driver().switchTo().defaultContent();
        // Gone once the shell page reloads, as the switch does.
        script(admin.driver(), "window.kontorE2eMarker = 'before switch';");
        admin.driver().switchTo().frame(admin.find(By.id("module-frame")));
        admin.until(ExpectedConditions.elementToBeClickable(By.id("org-switch-new"))).click();
        admin.driver().switchTo().defaultContent();
        admin.until(browser -> script(browser, "return window.kontorE2eMarker === undefined"
                + " && document.readyState === 'complete';").equals(Boolean.TRUE));
        admin.until(browser -> ORGANIZATION.equals(selectedOrganization(browser)));
        admin.screenshot("2-admin-in-acme");
    }

    /** Step 2 (U9): an invitation by e-mail, with the basic role. */
    private void adminInvitesCarolAsBasic() throws IOException {
        admin.shell().openModulePage("users.members", "members.html");
        admin.until(ExpectedConditions.visibilityOfElementLocated(MEMBER_INVITE_OPEN)).click();
        admin.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-email"))).sendKeys(CAROL_EMAIL);
        new Select(admin.find(By.id("invite-role"))).selectByValue("basic");
        admin.find(By.id("invite-submit")).click();
        admin.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=\"invitation-row\"][data-email=\"" + CAROL_EMAIL + "\"]")));
        admin.screenshot("3-admin-invited-carol");
    }

    /**
     * Step 3: no SMTP server is configured, so the mail waits in the outbox that the operator
     * may read: the operator's API session logged in before Acme existed, so it works in the
     * operator's organization.
     */
    private String invitationLinkFromOutbox() {
        AtomicReference<String> link = new AtomicReference<>();
        Eventually.until("the invitation to " + CAROL_EMAIL + " is in the mail outbox", Browsers.WAIT, () -> {
            List<JsonNode> mails = BROWSERS.operatorApi().allItems("/api/v1/mail");
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
        carol = BROWSERS.open("carol", null);
        carol.driver().get(BROWSERS.panel().uri(link).toString());
        carol.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accept-summary"), ORGANIZATION));
        // A fresh browser has no session: the page offers no acceptance as a logged-in user.
        assertFalse(carol.find(By.id("accept-as-current")).isDisplayed(), "the second browser shares the admin's session");
        carol.find(By.id("accept-choose-new")).click();
        carol.until(ExpectedConditions.visibilityOfElementLocated(By.id("accept-username"))).sendKeys(CAROL);
        carol.find(By.id("accept-display-name")).sendKeys("Carol Example");
        carol.find(By.id("accept-password")).sendKeys(CAROL_PASSWORD);
        carol.find(By.id("accept-password-repeat")).sendKeys(CAROL_PASSWORD);
        carol.find(By.id("accept-new-submit")).click();
        WebElement result = carol.until(ExpectedConditions.visibilityOfElementLocated(By.id("accept-result")));
        assertTrue(result.getText().contains(CAROL) && result.getText().contains(ORGANIZATION),
                "the acceptance did not confirm login and organization: " + result.getText());
        carol.screenshot("4-carol-accepted");
    }

    /** Step 4 (U8): basic access holds members.view, workgroups.view and the profile; not support.view. */
    private void carolLogsInAndSeesWhatBasicAccessHolds() throws IOException {
        carol.find(By.id("accept-open-panel")).click();
        carol.shell().logIn(CAROL, CAROL_PASSWORD, "users.organization");
        carol.until(ExpectedConditions.visibilityOfElementLocated(ShellInBrowser.menuItem("users.members")));
        assertEquals(ORGANIZATION, selectedOrganization(carol.driver()), "carol works in the organization she joined");
        for (String granted : List.of("users.members", "users.roles", "users.workgroups", "users.organization")) {
            assertTrue(carol.shell().isInMenu(granted), granted + " missing from a basic member's menu");
        }
        assertFalse(carol.shell().isInMenu("users.support"), "basic access does not hold users.support.view");
        assertFalse(carol.shell().isInMenu("panel.modules"), "carol is none of the operator's staff");
        carol.screenshot("5-carol-menu-as-basic");
    }

    /** Step 5 (U5): a role change shows in the member's menu on her next page load. */
    private void adminMakesCarolAdministratorAndCarolSeesSupportAfterReload() throws IOException {
        // The members page was loaded before carol joined: a reload lists her.
        admin.driver().navigate().refresh();
        admin.shell().enterModuleFrame();
        admin.until(ExpectedConditions.visibilityOfElementLocated(MEMBER_INVITE_OPEN));
        WebElement row = admin.until(ExpectedConditions.visibilityOfElementLocated(CAROL_ROW));
        assertEquals("basic", row.getAttribute("data-role"));
        row.findElement(By.cssSelector("[data-testid=\"member-edit\"]")).click();
        new Select(admin.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-role"))))
                .selectByValue("administrator");
        admin.find(By.id("member-save")).click();
        admin.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=\"member-row\"][data-username=\"" + CAROL + "\"][data-role=\"administrator\"]")));
        admin.screenshot("6-admin-made-carol-administrator");

        carol.driver().navigate().refresh();
        carol.until(ExpectedConditions.visibilityOfElementLocated(ShellInBrowser.menuItem("users.support")));
        carol.screenshot("7-carol-menu-as-administrator");
    }

    /** Step 6 (U10, U1): removal ends carol's session in Acme at once; her only organization gone, her login goes too. */
    private void adminRemovesCarolAndHerSessionEndsAtOnce() throws IOException {
        admin.find(CAROL_ROW).findElement(By.cssSelector("[data-testid=\"member-remove\"]")).click();
        admin.until(ExpectedConditions.alertIsPresent()).accept();
        admin.until(ExpectedConditions.invisibilityOfElementLocated(CAROL_ROW));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("member-notice"), CAROL));
        admin.screenshot("8-admin-removed-carol");

        // Her very next request, from the page she still has open.
        assertEquals(401L, carol.shell().fetchStatus("/api/v1/menu"), "carol's session still answers after her removal");
        carol.driver().navigate().refresh();
        carol.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertFalse(carol.find(By.id("shell")).isDisplayed(), "the shell still shows after the removal");
        carol.screenshot("9-carol-logged-out");

        carol.shell().submitLogin(CAROL, CAROL_PASSWORD);
        carol.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertFalse(carol.find(By.id("shell")).isDisplayed(), "a login without any organization got in");
        carol.screenshot("10-carol-cannot-log-in");
    }

    /** The organization the shell's switcher shows as current. */
    private static String selectedOrganization(WebDriver browser) {
        return (String) script(browser, "const select = document.getElementById('organization');"
                + "return select.selectedIndex < 0 ? null : select.options[select.selectedIndex].text;");
    }

    private static Object script(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
