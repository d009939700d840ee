package dev.kontor.subscriptions.internal.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientChange;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.subscriptions.internal.billing.BillingFixture.Unpaid;
import dev.kontor.subscriptions.internal.subscription.HoldView;
import dev.kontor.subscriptions.internal.subscription.NewHold;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The non-payment run (S4) with the default periods: grace 14 days, termination 30 days
 * after the suspension, notices 3 days ahead. An invoice due on day D: notice on D+12,
 * suspension on D+15, notice on D+42, termination on D+45; each step once, with its
 * mail, however often and on however many nodes the run runs.
 */
class NonPaymentRunTest {

    @AutoClose
    private BillingFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachStepComesOnItsDayOnceWithItsMail_S4(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        Unpaid unpaid = fixture.unpaidInvoice();

        Map<Integer, String> stepDays = new LinkedHashMap<>();
        for (int day = 0; day <= 50; day++) {
            AutomationReport first = fixture.run.run();
            AutomationReport again = fixture.run.run();
            assertFalse(again.any(), "a second run on day " + day + " does nothing: " + again);
            List<String> steps = fixture.steps(unpaid.invoice());
            if (first.any()) {
                stepDays.put(day, steps.get(steps.size() - 1));
            }
            if (day == 14) {
                assertEquals("active", fixture.base.read(unpaid.subscription()).state(), "still within the grace period");
            }
            fixture.days(1);
        }

        assertEquals(Map.of(12, "suspension_notice", 15, "suspension", 42, "termination_notice", 45, "termination"), stepDays);
        assertEquals("terminated", fixture.base.read(unpaid.subscription()).state());
        assertEquals(List.of("non_payment"), fixture.base.holdsOf(unpaid.subscription()).stream().map(HoldView::reason).toList());
        List<String> subjects = fixture.subjectsTo("shopowner@example.com");
        assertEquals(4, subjects.size(), subjects.toString());
        assertTrue(subjects.get(0).contains("will be suspended on"), subjects.get(0));
        assertTrue(subjects.get(1).contains("is suspended"), subjects.get(1));
        assertTrue(subjects.get(2).contains("will be terminated on"), subjects.get(2));
        assertTrue(subjects.get(3).contains("has been terminated"), subjects.get(3));
        String number = fixture.invoices.read(fixture.operator(), unpaid.invoice()).number();
        assertTrue(subjects.stream().allMatch(subject -> subject.contains(number)), "each names the invoice by its number");
        assertEquals(List.of("subscriptions.invoice.suspension_notice", "subscriptions.invoice.suspension",
                "subscriptions.invoice.termination_notice", "subscriptions.invoice.termination"),
                fixture.base.auditActions().stream().filter(action -> action.startsWith("subscriptions.invoice.s")
                        || action.startsWith("subscriptions.invoice.t")).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theNoticesGoToTheClientsContactAddressInItsLanguageAndNameTheDayOfTheStep_S4_C5(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        fixture.base.clients.change(fixture.base.operator(), client.id(), null, new ClientChange(null,
                "Buchhaltung@Shop.example", null, null, null, "de", null, null, null, null));
        String subscription = fixture.subscription(client).id();
        LocalDate due = fixture.today();
        String invoice = fixture.invoice(subscription, due).number();

        fixture.runAfter(12);

        assertEquals(List.of("Offene Rechnung " + invoice + ": Webhosting M wird am " + due.plusDays(15) + " gesperrt"),
                fixture.subjectsTo("buchhaltung@shop.example"));
        assertEquals(List.of(), fixture.subjectsTo("shopowner@example.com"), "the owner's login address is not the contact");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoRunsAtOnceTakeEveryStepOnce_S4(DatabaseKind kind) throws Exception {
        fixture = new BillingFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        // Due so that on day 45 two invoices each are at the notice, the suspension, the second notice and the termination.
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> subscriptionOf = new LinkedHashMap<>();
        int[] dueDays = {33, 30, 3, 0};
        String[] stepDue = {"suspension_notice", "suspension", "termination_notice", "termination"};
        for (int i = 0; i < dueDays.length * 2; i++) {
            String subscription = fixture.subscription(client).id();
            String invoice = fixture.invoice(subscription, fixture.today().plusDays(dueDays[i % 4])).id();
            expected.put(invoice, stepDue[i % 4]);
            subscriptionOf.put(invoice, subscription);
        }
        fixture.runEachDay(45);
        Map<String, Integer> stepsBefore = new LinkedHashMap<>();
        expected.keySet().forEach(invoice -> stepsBefore.put(invoice, fixture.steps(invoice).size()));
        int mailsBefore = fixture.subjectsTo("shopowner@example.com").size();

        List<AutomationReport> reports = concurrently(fixture.run, fixture.anotherNode());

        int taken = reports.stream().mapToInt(report -> report.suspensionNotices() + report.suspensions()
                + report.terminationNotices() + report.terminations()).sum();
        assertEquals(8, taken, reports.toString());
        assertEquals(0, reports.stream().mapToInt(AutomationReport::failed).sum(), reports.toString());
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            List<String> steps = fixture.steps(entry.getKey());
            assertEquals(stepsBefore.get(entry.getKey()) + 1, steps.size(), entry.getKey() + " " + steps);
            assertEquals(entry.getValue(), steps.get(steps.size() - 1));
            long nonPayment = fixture.base.holdsOf(subscriptionOf.get(entry.getKey())).stream()
                    .filter(hold -> hold.reason().equals("non_payment")).count();
            assertEquals(entry.getValue().equals("suspension_notice") ? 0 : 1, nonPayment, entry.getKey());
        }
        assertEquals(mailsBefore + 8, fixture.subjectsTo("shopowner@example.com").size());
        for (String invoice : expected.keySet()) {
            assertEquals(fixture.steps(invoice).size(), fixture.mailsAbout(invoice, ""), "one mail per step of " + invoice);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void payingLiftsOnlyThatInvoicesHold_S4_S2(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        String subscription = fixture.subscription(client).id();
        InvoiceView first = fixture.invoice(subscription, fixture.today());
        InvoiceView second = fixture.invoice(subscription, fixture.today());
        fixture.base.holds.place(fixture.operator(), subscription, new NewHold("operator", null, "checked by hand", null));
        fixture.runAfter(12);
        fixture.runAfter(3);
        assertEquals(List.of("non_payment", "non_payment", "operator"), fixture.inForce(subscription));

        InvoiceView paid = fixture.invoices.pay(fixture.operator(), first.id(), new Payment("bank 4711"));

        assertEquals("paid", paid.state());
        assertEquals("bank 4711", paid.paymentReference());
        assertEquals(List.of("non_payment", "operator"), fixture.inForce(subscription));
        fixture.invoices.cancel(fixture.operator(), second.id(), new Cancellation("written off"));
        assertEquals(List.of("operator"), fixture.inForce(subscription), "the operator's hold stays (S2)");
        assertEquals("suspended", fixture.base.read(subscription).state());
        fixture.days(40);
        assertFalse(fixture.run.run().any(), "a paid and a cancelled invoice take no more steps");
        assertEquals("suspended", fixture.base.read(subscription).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void paymentBeforeTheSuspensionLeavesTheSubscriptionAlone_S4(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        Unpaid unpaid = fixture.unpaidInvoice();
        fixture.runAfter(12);
        fixture.days(2);

        fixture.invoices.pay(fixture.operator(), unpaid.invoice(), null);
        fixture.days(1);

        assertFalse(fixture.run.run().any());
        assertEquals("active", fixture.base.read(unpaid.subscription()).state());
        assertEquals(List.of("suspension_notice"), fixture.steps(unpaid.invoice()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void terminationIsFinalAndALatePaymentOnlyRecordsThePayment_S4_S6(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        Unpaid unpaid = fixture.unpaidInvoice();
        fixture.runEachDay(46);
        List<HoldView> holdsBefore = fixture.base.holdsOf(unpaid.subscription());
        assertEquals("terminated", fixture.base.read(unpaid.subscription()).state());

        InvoiceView paid = fixture.invoices.pay(fixture.operator(), unpaid.invoice(), new Payment("late"));

        assertEquals("paid", paid.state());
        assertEquals("terminated", fixture.base.read(unpaid.subscription()).state());
        assertEquals(holdsBefore, fixture.base.holdsOf(unpaid.subscription()),
                "the holds of a terminated subscription stay (S6)");
        assertFalse(fixture.run.run().any());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStepThatFailsHalfwayLeavesNothingAndTheNextRunTakesIt_S4(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        Unpaid unpaid = fixture.unpaidInvoice();
        fixture.runAfter(12);
        fixture.days(3);
        List<String> historyBefore = fixture.base.history(unpaid.subscription());
        fixture.mailer.crashOnce("invoice-suspended"); // after the hold was placed, in the step's transaction

        AutomationReport crashed = fixture.run.run();

        assertEquals(1, crashed.failed());
        assertEquals(0, crashed.suspensions());
        assertEquals(List.of("suspension_notice"), fixture.steps(unpaid.invoice()));
        assertEquals(List.of(), fixture.inForce(unpaid.subscription()));
        assertEquals("active", fixture.base.read(unpaid.subscription()).state());
        assertEquals(historyBefore, fixture.base.history(unpaid.subscription()));
        assertEquals(0, fixture.mailsAbout(unpaid.invoice(), "is suspended"));

        AutomationReport next = fixture.run.run();

        assertEquals(1, next.suspensions());
        assertEquals(List.of("suspension_notice", "suspension"), fixture.steps(unpaid.invoice()));
        assertEquals(List.of("non_payment"), fixture.inForce(unpaid.subscription()));
        assertEquals(1, fixture.mailsAbout(unpaid.invoice(), "is suspended"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRunAfterDaysDownNotifiesFirstAndActsOnlyTheNoticePeriodLater_S4(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        Unpaid unpaid = fixture.unpaidInvoice();

        AutomationReport late = fixture.runAfter(20); // no run since the invoice was due
        AutomationReport twoDaysLater = fixture.runAfter(2);
        AutomationReport threeDaysLater = fixture.runAfter(1);

        assertEquals(1, late.suspensionNotices());
        assertEquals(0, late.suspensions(), "the client is notified before the suspension (S4)");
        assertFalse(twoDaysLater.any());
        assertEquals(1, threeDaysLater.suspensions());
        assertEquals(List.of("suspension_notice", "suspension"), fixture.steps(unpaid.invoice()));
        assertTrue(fixture.subjectsTo("shopowner@example.com").get(0).endsWith(fixture.today().toString()),
                "the notice names the day the suspension came");
    }

    /** Both runs started at the same moment, each on its own thread, as two panel nodes. */
    private static List<AutomationReport> concurrently(AutomationRun... runs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(runs.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AutomationReport>> futures = new ArrayList<>();
            for (AutomationRun run : runs) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return run.run();
                }));
            }
            start.countDown();
            List<AutomationReport> reports = new ArrayList<>();
            for (Future<AutomationReport> future : futures) {
                reports.add(future.get(2, TimeUnit.MINUTES));
            }
            return reports;
        } finally {
            threads.shutdownNow();
        }
    }
}
