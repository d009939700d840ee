package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kontor.e2e.Browsers.Browser;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The subscriptions module tried in the real panel (S1–S5): the operator, in English,
 * creates a subscription for a client, is refused auto-renewal ten days before expiry with
 * the server's reason beside the switch, renews by hand and may switch it on then; creates
 * invoices, records a payment and cancels one; and suspends the subscription with a note
 * for the client and an internal one. The client's owner, in a browser of its own set to
 * German, sees the subscription suspended with the public note only, its invoices read-only
 * and no way to change it; once the operator lifts the hold, it is active again.
 */
class SubscriptionsBrowserIT {

    private static final String PASSWORD = "e2e-Subscriptions-Browser-Passw0rd";
    private static final String PLAN = "Webhosting Pro";
    private static final String PUBLIC_NOTE = "Wartungsarbeiten an Ihrem Paket";
    private static final String INTERNAL_NOTE = "intern-hold-" + UUID.randomUUID();
    private static final String CANCEL_NOTE = "intern-storno-" + UUID.randomUUID();
    private static final String PAYMENT_REFERENCE = "BANK-4711";
    private static final By AUTO_RENEW = By.id("auto-renew");

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers("subscriptions", PASSWORD);

    private static ClientsApi.Client client;
    private static Browser operator;
    private static Browser owner;

    @BeforeAll
    static void start() throws IOException {
        client = new ClientsApi(BROWSERS.panel(), BROWSERS.operatorApi()).client("Quirin Abokunde", "Kunde seit 2019");
    }

    @Test
    void operatorRenewsBillsAndSuspendsWhileClientOwnerSeesPublicNoteOnlyAndCannotChangeIt_S1_S2_S3_S4_S5() throws Exception {
        operatorOpensSubscriptions();
        String id = operatorCreatesSubscriptionForClient();
        autoRenewalTenDaysBeforeExpiryIsRefusedWithServersReasonBesideSwitch(id);
        renewalByHandMovesExpiryAndThenAutoRenewalSwitchesOn(id);
        operatorCreatesInvoicesRecordsPaymentAndCancelsOne();
        operatorPlacesHoldWithPublicAndInternalNote(id);
        ownerSeesSuspensionWithPublicNoteOnlyAndCannotChangeIt(id);
        operatorLiftsHold(id);
        ownerSeesItActiveAgain(id);
    }

    private void operatorOpensSubscriptions() throws IOException {
        RunningPanel.assertStatus(200, BROWSERS.panel().get("/"));
        operator = BROWSERS.open("operator", "en-GB");
        operator.driver().get(BROWSERS.panel().uri("/").toString());
        operator.shell().logIn(ADMIN, PASSWORD, "subscriptions.main");
        operator.shell().openModulePage("subscriptions.main", "index.html");
        operator.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Subscriptions"));
        // The empty list shows once the page's handlers are in place: from then on, clicks work.
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscriptions-empty")));
    }

    /** S1: a monthly term that ends in ten days, with a price and a domain. */
    private String operatorCreatesSubscriptionForClient() throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        operator.shell().click(By.id("new-subscription"));
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-client"))).sendKeys(client.id());
        operator.find(By.id("f-plan")).sendKeys(PLAN);
        setValue(operator.find(By.id("f-starts")), today.minusDays(20).toString());
        setValue(operator.find(By.id("f-expires")), today.plusDays(10).toString());
        operator.find(By.id("f-amount")).sendKeys("12.50");
        operator.find(By.id("f-currency")).sendKeys("EUR");
        operator.find(By.id("f-services")).sendKeys("domain quirin-abo.example");
        operator.screenshot("1-operator-new-subscription");
        operator.find(By.id("subscription-save")).click();
        operator.until(ExpectedConditions.invisibilityOfElementLocated(By.id("subscription-form")));
        String id = operator.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//tr[@data-testid='subscription-row'][td[@data-testid='subscription-plan' and text()='" + PLAN + "']]")))
                .getAttribute("data-id");
        JsonNode stored = subscription(id);
        assertEquals(client.id(), stored.path("client_id").asText(), stored.toString());
        assertEquals("active", stored.path("state").asText(), stored.toString());
        assertEquals("Active", stateOf(operator, id));
        return id;
    }

    /** S5: fewer than 14 days before expiry, the server refuses; its problem shows beside the switch, which stays off. */
    private void autoRenewalTenDaysBeforeExpiryIsRefusedWithServersReasonBesideSwitch(String id) throws IOException {
        operator.shell().click(inRow(id, "subscription-billing"));
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("billing-panel")));
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoices-empty")));
        operator.shell().click(AUTO_RENEW);
        WebElement problem = operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("auto-renew-problem")));
        assertTrue(problem.getText().contains("Auto-renewal can be switched on only until 14 days before expiry.")
                && problem.getText().contains("renew manually first"), problem.getText());
        assertEquals("auto-renew-too-late", problem.getAttribute("data-problem-type"));
        // The box holding the reason is the switch's own.
        assertEquals("auto-renew-box", problem.findElement(By.xpath("..")).getAttribute("id"));
        operator.until(ExpectedConditions.elementToBeClickable(AUTO_RENEW));
        assertFalse(operator.find(AUTO_RENEW).isSelected(), "the switch shows auto-renewal on after the refusal");
        assertFalse(subscription(id).path("auto_renew").asBoolean());
        operator.screenshot("2-operator-auto-renewal-refused");
    }

    /** S5: renewing by hand adds a term and makes its invoice; 14 days and more before the new expiry, the switch works. */
    private void renewalByHandMovesExpiryAndThenAutoRenewalSwitchesOn(String id) throws IOException {
        String before = subscription(id).path("expires_at").asText();
        operator.shell().click(By.id("renew"));
        operator.until(ExpectedConditions.alertIsPresent()).accept();
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("billing-notice")));
        String after = subscription(id).path("expires_at").asText();
        assertTrue(LocalDate.parse(after).isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(14)), before + " renewed to " + after);
        operator.until(ExpectedConditions.attributeToBe(By.id("term"), "data-expires-at", after));
        assertFalse(operator.find(By.id("auto-renew-problem")).isDisplayed(), "the refusal of the old term still shows");
        WebElement renewal = operator.until(ExpectedConditions.visibilityOfElementLocated(invoiceWithAmount("12.50 EUR")));
        assertEquals("open", renewal.getAttribute("data-state"));
        String renewalNumber = renewal.findElement(By.cssSelector("[data-testid=\"invoice-number\"]")).getText();
        assertTrue(renewalNumber.matches("\\d{4}-\\d{6}"), "the invoice shows its number, not its id: " + renewalNumber);
        assertTrue(operator.find(By.id("billing-notice")).getText().contains(renewalNumber),
                "the notice names the renewal invoice by its number");
        operator.screenshot("3-operator-renewed-by-hand");

        operator.shell().click(AUTO_RENEW);
        operator.until(ExpectedConditions.textToBePresentInElementLocated(By.id("billing-notice"), "switched on"));
        assertTrue(operator.find(AUTO_RENEW).isSelected());
        assertFalse(operator.find(By.id("auto-renew-problem")).isDisplayed());
        assertTrue(subscription(id).path("auto_renew").asBoolean());
        operator.until(ExpectedConditions.visibilityOfElementLocated(inRow(id, "subscription-auto-renew")));
    }

    /** S4: a field error shows at its field; an invoice due today is paid with a reference, another cancelled with a note. */
    private void operatorCreatesInvoicesRecordsPaymentAndCancelsOne() throws IOException {
        operator.find(By.id("i-amount")).sendKeys("30.005");
        operator.find(By.id("i-description")).sendKeys("Einrichtung");
        operator.shell().click(By.id("invoice-create"));
        WebElement fieldError = operator.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#invoice-form .field-error[data-field=\"amount\"]")));
        assertEquals("i-amount", fieldError.findElement(By.xpath("preceding-sibling::input[1]")).getAttribute("id"));
        operator.screenshot("4-operator-invoice-field-error");
        operator.find(By.id("i-amount")).clear();
        operator.find(By.id("i-amount")).sendKeys("30.00");
        operator.shell().click(By.id("invoice-create"));
        WebElement setup = operator.until(ExpectedConditions.visibilityOfElementLocated(invoiceWithAmount("30.00 EUR")));
        assertEquals("open", setup.getAttribute("data-state"));
        String setupId = setup.getAttribute("data-id");
        JsonNode stored = BROWSERS.operatorApi().getJson("/api/v1/invoices/" + setupId);
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), stored.path("due_at").asText(), stored.toString());

        operator.shell().click(inInvoice(setupId, "invoice-pay"));
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-reference"))).sendKeys(PAYMENT_REFERENCE);
        assertFalse(operator.find(By.id("invoice-note")).isDisplayed(), "a payment asks for no cancellation note");
        operator.screenshot("5-operator-confirms-payment");
        operator.shell().click(By.id("invoice-confirm-submit"));
        operator.until(ExpectedConditions.visibilityOfElementLocated(invoice(setupId, "paid")));
        assertTrue(operator.find(inInvoice(setupId, "invoice-reference")).getText().contains(PAYMENT_REFERENCE));
        assertEquals("paid", BROWSERS.operatorApi().getJson("/api/v1/invoices/" + setupId).path("state").asText());

        operator.find(By.id("i-amount")).sendKeys("5.00");
        operator.shell().click(By.id("invoice-create"));
        String wrongId = operator.until(ExpectedConditions.visibilityOfElementLocated(invoiceWithAmount("5.00 EUR")))
                .getAttribute("data-id");
        operator.shell().click(inInvoice(wrongId, "invoice-cancel"));
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-note"))).sendKeys(CANCEL_NOTE);
        operator.shell().click(By.id("invoice-confirm-submit"));
        operator.until(ExpectedConditions.visibilityOfElementLocated(invoice(wrongId, "cancelled")));
        assertEquals(CANCEL_NOTE, operator.find(inInvoice(wrongId, "invoice-cancel-note")).getText());
        operator.screenshot("6-operator-invoices");
    }

    /** S2: an operator hold with a note for the client and one for staff suspends the subscription. */
    private void operatorPlacesHoldWithPublicAndInternalNote(String id) throws IOException {
        operator.shell().click(inRow(id, "subscription-holds"));
        operator.until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-form")));
        new Select(operator.find(By.id("h-reason"))).selectByValue("operator");
        operator.find(By.id("h-public")).sendKeys(PUBLIC_NOTE);
        operator.find(By.id("h-internal")).sendKeys(INTERNAL_NOTE);
        operator.shell().click(By.id("hold-place"));
        operator.until(driver -> "Suspended".equals(stateOf(operator, id)));
        operator.until(ExpectedConditions.textToBePresentInElementLocated(By.id("holds"), INTERNAL_NOTE));
        assertEquals("suspended", subscription(id).path("state").asText());
        operator.screenshot("7-operator-hold-placed");
    }

    /** S3: the owner sees the suspension and its public note, never an internal note, and may change nothing. */
    private void ownerSeesSuspensionWithPublicNoteOnlyAndCannotChangeIt(String id) throws IOException {
        owner = BROWSERS.open("owner", "de-DE");
        owner.driver().get(BROWSERS.panel().uri("/").toString());
        owner.shell().logIn(client.username(), ClientsApi.PASSWORD, "subscriptions.main");
        owner.shell().openModulePage("subscriptions.main", "index.html");
        owner.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Abonnements"));
        owner.until(ExpectedConditions.visibilityOfElementLocated(inRow(id, "subscription-state")));
        assertEquals("Gesperrt", stateOf(owner, id));
        assertTrue(owner.find(inRow(id, "subscription-suspension")).getText().contains(PUBLIC_NOTE));
        assertFalse(shown(owner, inRow(id, "subscription-edit")), "the owner may edit");
        assertFalse(shown(owner, inRow(id, "subscription-terminate")), "the owner may terminate");

        owner.shell().click(inRow(id, "subscription-holds"));
        owner.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=\"hold-public-note\"]"), PUBLIC_NOTE));
        assertFalse(shown(owner, By.cssSelector("[data-testid=\"hold-internal-note\"]")), "the owner sees an internal note");
        assertFalse(shown(owner, By.cssSelector("[data-testid=\"hold-lift\"]")), "the owner may lift the operator's hold");
        assertFalse(owner.find(By.id("hold-form")).isDisplayed(), "the owner may place holds on a suspended subscription");
        owner.screenshot("8-owner-sees-suspension");

        owner.shell().click(inRow(id, "subscription-billing"));
        owner.until(ExpectedConditions.visibilityOfElementLocated(By.id("billing-locked")));
        owner.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=\"invoice-row\"]"), 3));
        assertFalse(owner.find(AUTO_RENEW).isEnabled(), "the owner may switch auto-renewal of a suspended subscription");
        assertFalse(shown(owner, By.cssSelector("[data-testid=\"invoice-pay\"], [data-testid=\"invoice-cancel\"]")),
                "the owner may settle invoices");
        assertFalse(owner.find(By.id("invoice-form")).isDisplayed(), "the owner may create invoices");
        assertEquals("Bezahlt", owner.find(By.cssSelector("[data-testid=\"invoice-row\"][data-state=\"paid\"] "
                + "[data-testid=\"invoice-state\"]")).getText());
        // The server is the authority: the page's own request to change it is refused too.
        assertEquals(409L, ((JavascriptExecutor) owner.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "Kontor.api('PATCH', 'subscriptions/' + arguments[0], { auto_renew: false })"
                        + ".then((answer) => done(answer.status));", id));
        owner.screenshot("9-owner-invoices-read-only");

        String page = owner.driver().getPageSource();
        String pageText = owner.find(By.tagName("body")).getText();
        owner.driver().switchTo().defaultContent();
        String shell = owner.driver().getPageSource();
        String holds = owner.shell().fetchBody("/api/v1/subscriptions/" + id + "/holds");
        String invoices = owner.shell().fetchBody("/api/v1/invoices?subscription_id=" + id);
        for (String seen : List.of(page, pageText, shell, holds, invoices)) {
            assertFalse(seen.contains(INTERNAL_NOTE), "the owner sees the hold's internal note: " + seen);
            assertFalse(seen.contains(CANCEL_NOTE), "the owner sees the cancellation note: " + seen);
        }
        assertTrue(pageText.contains(PUBLIC_NOTE), pageText);
        owner.shell().enterModuleFrame();
    }

    /** S2: lifting the only hold makes the subscription active. */
    private void operatorLiftsHold(String id) throws IOException {
        operator.shell().click(By.cssSelector("[data-testid=\"hold\"] [data-testid=\"hold-lift\"]"));
        operator.until(driver -> "Active".equals(stateOf(operator, id)));
        assertEquals("active", subscription(id).path("state").asText());
        operator.screenshot("10-operator-hold-lifted");
    }

    /** S3: the owner's page, loaded again, shows it active and lets the owner switch auto-renewal again. */
    private void ownerSeesItActiveAgain(String id) throws IOException {
        owner.shell().click(By.id("search-submit"));
        owner.until(driver -> "Aktiv".equals(stateOf(owner, id)));
        assertFalse(shown(owner, inRow(id, "subscription-suspension")), "the active subscription still shows a suspension");
        owner.shell().click(inRow(id, "subscription-billing"));
        owner.until(ExpectedConditions.invisibilityOfElementLocated(By.id("billing-locked")));
        owner.until(ExpectedConditions.elementToBeClickable(AUTO_RENEW));
        owner.screenshot("11-owner-sees-it-active");
    }

    private static JsonNode subscription(String id) throws IOException {
        return BROWSERS.operatorApi().getJson("/api/v1/subscriptions/" + id);
    }

    private static String stateOf(Browser browser, String id) {
        return browser.find(inRow(id, "subscription-state")).getText();
    }

    /** Whether any element the locator finds is displayed: controls the caller may not use are left out or hidden. */
    private static boolean shown(Browser browser, By target) {
        return browser.driver().findElements(target).stream().anyMatch(WebElement::isDisplayed);
    }

    private static By inRow(String id, String testid) {
        return By.cssSelector("[data-testid=\"subscription-row\"][data-id=\"" + id + "\"] [data-testid=\"" + testid + "\"]");
    }

    private static By invoiceWithAmount(String amount) {
        return By.xpath("//tr[@data-testid='invoice-row'][td[@data-testid='invoice-amount' and text()='" + amount + "']]");
    }

    private static By invoice(String id, String state) {
        return By.cssSelector("[data-testid=\"invoice-row\"][data-id=\"" + id + "\"][data-state=\"" + state + "\"]");
    }

    private static By inInvoice(String id, String testid) {
        return By.cssSelector("[data-testid=\"invoice-row\"][data-id=\"" + id + "\"] [data-testid=\"" + testid + "\"]");
    }

    /** Date inputs take keys in the browser's own format; the value is set as the page reads it. */
    private static void setValue(WebElement input, String value) {
        ((JavascriptExecutor) operator.driver()).executeScript("arguments[0].value = arguments[1];", input, value);
    }
}
