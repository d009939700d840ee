package dev.kontor.subscriptions.internal.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.subscriptions.internal.subscription.BulkRequest;
import dev.kontor.subscriptions.internal.subscription.BulkResult;
import dev.kontor.subscriptions.internal.subscription.NewHold;
import dev.kontor.subscriptions.internal.subscription.SubscriptionChange;
import dev.kontor.subscriptions.internal.subscription.SubscriptionView;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Auto-renewal and renewal (S5): switched per subscription or in bulk, never fewer than
 * 14 days before expiry; the run's charge 14 days before expiry, once per term; the term
 * extended by payment or by hand; an expiry without renewal holds the subscription until
 * it is renewed.
 */
class AutoRenewalTest {

    @AutoClose
    private BillingFixture fixture;
    private ClientDetails client;

    /** The fixture on the database, with the client "Shop" (owner {@code shopowner}) whose subscriptions renew. */
    private void shop(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        client = fixture.client("Shop", "shopowner");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void autoRenewalCannotBeSwitchedOnFewerThanFourteenDaysBeforeExpiry_S5(DatabaseKind kind) {
        shop(kind);
        SubscriptionView thirteen = fixture.subscription(client, fixture.today().plusDays(13), true, false);
        SubscriptionView fourteen = fixture.subscription(client, fixture.today().plusDays(14), true, false);

        ProblemException refused = assertThrows(ProblemException.class, () -> fixture.base.subscriptions.change(
                fixture.operator(), thirteen.id(), null, new SubscriptionChange(null, null, null, null, null, true)));
        SubscriptionView allowed = fixture.base.subscriptions.change(fixture.operator(), fourteen.id(), null,
                new SubscriptionChange(null, null, null, null, null, true));

        assertEquals(409, refused.status());
        assertEquals("auto-renew-too-late", refused.type());
        assertEquals("The subscription expires on " + thirteen.expiresAt() + ", fewer than 14 days away: renew manually first.",
                refused.getMessage());
        assertFalse(fixture.base.read(thirteen.id()).autoRenew());
        assertTrue(allowed.autoRenew());
        assertTrue(allowed.version() > fourteen.version(), "the ETag moves on");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void bulkAutoRenewalAnswersPerSubscription_S5(DatabaseKind kind) {
        shop(kind);
        String thirteen = fixture.subscription(client, fixture.today().plusDays(13), true, false).id();
        String fourteen = fixture.subscription(client, fixture.today().plusDays(14), true, false).id();
        String alreadyOn = fixture.subscription(client, fixture.today().plusDays(100), true, true).id();

        BulkResult on = bulk("auto_renew_on", thirteen, fourteen, alreadyOn, "sub_unknown");

        assertEquals(List.of(BulkResult.FAILED, BulkResult.DONE, BulkResult.UNCHANGED, BulkResult.NOT_FOUND),
                on.results().stream().map(BulkResult.Item::status).toList());
        assertEquals("auto-renew-too-late", on.results().get(0).problem());
        assertTrue(on.results().get(0).error().contains("fewer than 14 days away: renew manually first"));
        assertTrue(fixture.base.read(fourteen).autoRenew());

        BulkResult off = bulk("auto_renew_off", thirteen, fourteen);

        assertEquals(List.of(BulkResult.UNCHANGED, BulkResult.DONE), off.results().stream().map(BulkResult.Item::status).toList());
        assertFalse(fixture.base.read(fourteen).autoRenew());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientsOwnersSwitchAutoRenewalButNotWhileSuspended_S5_S3(DatabaseKind kind) {
        shop(kind);
        String subscription = fixture.subscription(client).id();
        Caller owner = fixture.base.owner(client);
        Caller basic = fixture.base.member(client, "basic");

        assertEquals(BulkResult.DONE, bulk(owner, "auto_renew_on", subscription).results().get(0).status());
        ProblemException basicRefused = assertThrows(ProblemException.class,
                () -> fixture.base.subscriptions.autoRenew(basic, subscription, false));
        ProblemException planRefused = assertThrows(ProblemException.class, () -> fixture.base.subscriptions.change(owner,
                subscription, null, new SubscriptionChange("Bigger", null, null, null, null, false)));
        fixture.base.holds.place(fixture.operator(), subscription, new NewHold("operator", null, null, null));
        ProblemException suspendedRefused = assertThrows(ProblemException.class,
                () -> fixture.base.subscriptions.autoRenew(owner, subscription, false));

        assertEquals(403, basicRefused.status());
        assertEquals(403, planRefused.status(), "the plan stays staff work");
        assertEquals("subscription-suspended", suspendedRefused.type());
        assertTrue(fixture.base.read(subscription).autoRenew());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theRunChargesFourteenDaysBeforeExpiryOncePerTerm_S5(DatabaseKind kind) {
        shop(kind);
        LocalDate expiry = fixture.today().plusDays(20);
        String subscription = fixture.subscription(client, expiry, true, true).id();

        for (int day = 0; day < 6; day++) {
            assertEquals(0, fixture.run.run().renewalInvoices(), "day " + day);
            fixture.days(1);
        }
        AutomationReport charged = fixture.run.run();
        AutomationReport again = fixture.run.run();
        fixture.days(1);
        AutomationReport nextDay = fixture.run.run();

        assertEquals(1, charged.renewalInvoices());
        assertFalse(again.any());
        assertFalse(nextDay.any());
        List<InvoiceView> invoices = invoicesOf(subscription);
        assertEquals(1, invoices.size());
        InvoiceView invoice = invoices.get(0);
        assertEquals("renewal", invoice.purpose());
        assertEquals(expiry, invoice.dueAt(), "due on the last day of the term");
        assertEquals(expiry, invoice.renewsExpiry());
        assertEquals("9.90", invoice.amount());
        assertEquals("EUR", invoice.currency());
        assertEquals(List.of("Renewal of Webhosting M: invoice " + invoice.number()), fixture.subjectsTo("shopowner@example.com"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void payingTheRenewalInvoiceAddsATermOnce_S5(DatabaseKind kind) {
        shop(kind);
        LocalDate expiry = fixture.today().plusDays(10);
        String subscription = fixture.subscription(client, expiry, true, false).id();
        fixture.base.subscriptions.change(fixture.operator(), subscription, null,
                new SubscriptionChange(null, null, expiry.plusDays(4).toString(), null, null, true));
        fixture.run.run();
        InvoiceView invoice = invoicesOf(subscription).get(0);

        fixture.invoices.pay(fixture.operator(), invoice.id(), null);
        fixture.invoices.pay(fixture.operator(), invoice.id(), null);

        SubscriptionView renewed = fixture.base.read(subscription);
        assertEquals(expiry.plusDays(5), renewed.startsAt());
        assertEquals(aYearAfter(expiry.plusDays(4)), renewed.expiresAt(), "a yearly term renews for a year");
        assertTrue(fixture.base.history(subscription).stream().anyMatch(line -> line.startsWith("renewed")));
        assertFalse(fixture.run.run().any(), "the next term's charge comes 14 days before its end");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anExpiryWithoutRenewalHoldsTheSubscriptionUntilItIsRenewed_S5(DatabaseKind kind) {
        shop(kind);
        LocalDate expiry = fixture.today().plusDays(1);
        String subscription = fixture.subscription(client, expiry, true, false).id();
        fixture.days(1);
        assertEquals(0, fixture.run.run().expired(), "the last day of the term still belongs to it");
        fixture.days(1);
        AutomationReport expired = fixture.run.run();
        fixture.base.holds.place(fixture.operator(), subscription, new NewHold("operator", null, null, null));

        assertEquals(1, expired.expired());
        assertFalse(fixture.run.run().any(), "one expired hold");
        assertEquals(List.of("expired", "operator"), fixture.inForce(subscription));

        Renewal renewal = fixture.renewals.renew(fixture.base.owner(client), subscription);

        assertEquals(aYearAfter(expiry), renewal.subscription().expiresAt());
        assertEquals(List.of("operator"), fixture.inForce(subscription), "renewal lifts only the expired hold");
        assertNotNull(renewal.invoice(), "the owner sees invoices");
        assertEquals(fixture.today(), renewal.invoice().dueAt(), "a term already over is due at once");
        assertEquals(expiry, renewal.invoice().renewsExpiry());
        assertFalse(fixture.run.run().any());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aManualRenewalUsesTheRunsInvoiceAndPayingItAddsNoSecondTerm_S5(DatabaseKind kind) {
        shop(kind);
        LocalDate expiry = fixture.today().plusDays(14);
        String subscription = fixture.subscription(client, expiry, true, true).id();
        fixture.run.run();
        InvoiceView charged = invoicesOf(subscription).get(0);

        Renewal renewal = fixture.renewals.renew(fixture.operator(), subscription);
        fixture.invoices.pay(fixture.operator(), charged.id(), null);

        assertNull(renewal.invoice(), "the term has its invoice already");
        assertEquals(1, invoicesOf(subscription).size());
        assertEquals(aYearAfter(expiry), fixture.base.read(subscription).expiresAt());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFreeAutoRenewingSubscriptionRenewsWithoutInvoice_S5(DatabaseKind kind) {
        shop(kind);
        LocalDate expiry = fixture.today().plusDays(14);
        String subscription = fixture.subscription(client, expiry, false, true).id();

        AutomationReport report = fixture.run.run();

        assertEquals(1, report.renewed());
        assertEquals(0, report.renewalInvoices());
        assertEquals(aYearAfter(expiry), fixture.base.read(subscription).expiresAt());
        assertEquals(List.of(), invoicesOf(subscription));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anUnpaidRenewalInvoiceRunsTheNonPaymentStepsAndItsPaymentLiftsBothHolds_S4_S5(DatabaseKind kind) {
        shop(kind);
        LocalDate expiry = fixture.today().plusDays(14);
        String subscription = fixture.subscription(client, expiry, true, true).id();
        fixture.runEachDay(14 + 15 + 1); // the charge 14 days ahead, the term's end, the suspension 15 days after it
        assertEquals(List.of("expired", "non_payment"), fixture.inForce(subscription));
        InvoiceView invoice = invoicesOf(subscription).get(0);

        fixture.invoices.pay(fixture.operator(), invoice.id(), null);

        assertEquals(List.of(), fixture.inForce(subscription));
        assertEquals("active", fixture.base.read(subscription).state());
        assertEquals(aYearAfter(expiry), fixture.base.read(subscription).expiresAt());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void renewalNeedsThePermissionAndATerminatedSubscriptionStaysAsItIs_S5_S6(DatabaseKind kind) {
        shop(kind);
        String subscription = fixture.subscription(client).id();
        ClientDetails stranger = fixture.client("Stranger", "stranger");

        ProblemException basic = assertThrows(ProblemException.class,
                () -> fixture.renewals.renew(fixture.base.member(client, "basic"), subscription));
        assertThrows(jakarta.ws.rs.NotFoundException.class,
                () -> fixture.renewals.renew(fixture.base.owner(stranger), subscription));
        fixture.base.subscriptions.terminate(fixture.operator(), subscription, null);
        ProblemException terminated = assertThrows(ProblemException.class,
                () -> fixture.renewals.renew(fixture.operator(), subscription));

        assertEquals(403, basic.status());
        assertEquals("subscription-terminated", terminated.type());
        assertEquals(List.of(), invoicesOf(subscription));
    }

    /** The last day of the year-long term that follows a term ending on that day. */
    private static LocalDate aYearAfter(LocalDate expiry) {
        return expiry.plusDays(1).plusYears(1).minusDays(1);
    }

    private List<InvoiceView> invoicesOf(String subscriptionId) {
        return fixture.invoices.list(fixture.operator(), new InvoiceFilter(null, subscriptionId, null, null, null),
                dev.kontor.api.rest.PageRequest.of("500", null)).items();
    }

    private BulkResult bulk(String action, String... ids) {
        return bulk(fixture.operator(), action, ids);
    }

    private BulkResult bulk(Caller caller, String action, String... ids) {
        return fixture.base.bulk.run(caller, null, new BulkRequest(action, List.of(ids), null, null, null));
    }
}
