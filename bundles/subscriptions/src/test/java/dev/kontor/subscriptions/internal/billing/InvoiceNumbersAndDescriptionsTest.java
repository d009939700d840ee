package dev.kontor.subscriptions.internal.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.NewClient;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.subscriptions.internal.subscription.SubscriptionsFixture;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invoice numbers (S4: {@code 2026-000123}, per year, without gaps, unique, also under
 * concurrent creation) and renewal invoices described in each reader's language (S5).
 */
class InvoiceNumbersAndDescriptionsTest {

    @AutoClose
    private BillingFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invoicesAreNumberedPerYearWithoutGapsAndACreationRolledBackGivesItsNumberBack_S4(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        String subscription = fixture.subscription(fixture.client("Shop", "shopowner")).id();
        int year = fixture.today().getYear();

        InvoiceView first = fixture.invoice(subscription, fixture.today());
        assertThrows(IllegalStateException.class, () -> fixture.base.database.runInTransaction(connection -> {
            fixture.invoice(subscription, fixture.today());
            throw new IllegalStateException("a later part of the change fails");
        }));
        InvoiceView renewal = fixture.renewals.renew(fixture.operator(), subscription).invoice();
        fixture.days((int) ChronoUnit.DAYS.between(fixture.today(), LocalDate.of(year + 1, 1, 1)));
        InvoiceView nextYear = fixture.invoice(subscription, fixture.today());

        assertEquals(year + "-000001", first.number());
        assertEquals(year + "-000002", renewal.number(), "the number of the creation rolled back is given again");
        assertEquals((year + 1) + "-000001", nextYear.number(), "each year counts from 1");
        assertEquals(first.number(), fixture.invoices.read(fixture.operator(), first.id()).number());
        assertEquals(List.of(nextYear.number(), renewal.number(), first.number()), fixture.invoices.list(fixture.operator(),
                new InvoiceFilter(null, subscription, null, null, "-created_at"), PageRequest.of(null, null)).items().stream()
                .map(InvoiceView::number).toList());
        assertThrows(RuntimeException.class, () -> fixture.base.database.update(
                "UPDATE subscriptions_invoice SET number = ? WHERE id = ?", first.number(), nextYear.id()),
                "the database refuses a number twice");
    }

    @Test
    void concurrentCreationsOnTwoThreadsNeverShareANumberNorLeaveAGap_S4() throws Exception {
        fixture = new BillingFixture(DatabaseKind.POSTGRESQL);
        ClientDetails client = fixture.client("Shop", "shopowner");
        List<String> subscriptions = IntStream.range(0, 2).mapToObj(i -> fixture.subscription(client).id()).toList();
        int perThread = 15;
        CyclicBarrier start = new CyclicBarrier(subscriptions.size());
        ExecutorService threads = Executors.newFixedThreadPool(subscriptions.size());
        try {
            List<Future<List<String>>> made = new ArrayList<>();
            for (String subscription : subscriptions) {
                // Different subscriptions: what the creations share is only the number.
                Callable<List<String>> creations = () -> {
                    start.await(60, TimeUnit.SECONDS);
                    List<String> numbers = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        numbers.add(fixture.invoice(subscription, fixture.today()).number());
                    }
                    return numbers;
                };
                made.add(threads.submit(creations));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<List<String>> thread : made) {
                numbers.addAll(thread.get(120, TimeUnit.SECONDS));
            }
            Collections.sort(numbers);
            int year = fixture.today().getYear();
            assertEquals(IntStream.rangeClosed(1, perThread * subscriptions.size())
                    .mapToObj(n -> String.format("%d-%06d", year, n)).toList(), numbers);
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void renewalInvoicesAreDescribedInEachReadersLanguageAndStaffsOwnWordsAsWritten_S5(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails laden = fixture.base.clients.create(fixture.operator(), new NewClient("Laden", "laden@example.com", null,
                null, null, "de", null, null, "ladenowner", SubscriptionsFixture.PASSWORD, null));
        Caller german = fixture.base.owner(laden);
        LocalDate expiry = fixture.today().plusDays(20);
        String byHand = fixture.subscription(laden).id();
        String automatic = fixture.subscription(laden, expiry, true, true).id();
        LocalDate byHandExpiry = fixture.base.read(byHand).expiresAt();

        String renewed = fixture.renewals.renew(fixture.operator(), byHand).invoice().id();
        fixture.runAfter(7);
        String charged = fixture.invoices.list(fixture.operator(), new InvoiceFilter(null, automatic, null, null, null),
                PageRequest.of(null, null)).items().get(0).id();
        String manual = fixture.invoice(byHand, fixture.today()).id();

        String from = byHandExpiry.plusDays(1).toString();
        String until = byHandExpiry.plusYears(1).toString();
        assertEquals("Renewal of Webhosting M from " + from + " to " + until, description(fixture.operator(), renewed));
        assertEquals("Verlängerung von Webhosting M vom " + from + " bis " + until, description(german, renewed));
        assertEquals("Verlängerung von Webhosting M vom " + expiry.plusDays(1) + " bis " + expiry.plusYears(1),
                description(german, charged), "the billing run's renewal invoice too");
        assertEquals("Renewal of Webhosting M from " + expiry.plusDays(1) + " to " + expiry.plusYears(1),
                description(fixture.operator(), charged));
        assertEquals("Verlängerung von Webhosting M vom " + from + " bis " + until, fixture.invoices.list(german,
                new InvoiceFilter(null, byHand, null, null, "due_at"), PageRequest.of(null, null)).items().stream()
                .filter(invoice -> invoice.id().equals(renewed)).findFirst().orElseThrow().description(), "in the list too");
        assertEquals("Setup", description(german, manual), "what staff wrote is shown as written");
        assertEquals("Setup", description(fixture.operator(), manual));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invoicesMadeBeforeNumbersExistedAreNumberedInTheOrderTheyWereMadeAndTheCountGoesOn_S4(DatabaseKind kind) {
        TestDatabase database = TestDatabase.migrated(kind, "subscriptions", name -> !name.startsWith("V5__"));
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        insertBeforeNumbers(database, "inv_b", (year - 1) + "-06-01 10:00:00");
        insertBeforeNumbers(database, "inv_a", year + "-01-02 10:00:00");
        insertBeforeNumbers(database, "inv_c", (year - 1) + "-03-01 10:00:00");

        database.withModule("subscriptions", Invoices.class);

        assertEquals(List.of((year - 1) + "-000001", (year - 1) + "-000002", year + "-000001"),
                database.strings("SELECT number FROM subscriptions_invoice ORDER BY created_at"));
        assertEquals(year + "-000002", database.inTransaction(connection -> InvoiceNumbers.next(connection, year)));
    }

    private static void insertBeforeNumbers(TestDatabase database, String id, String createdAt) {
        database.update("INSERT INTO subscriptions_invoice (id, subscription_id, client_id, purpose, amount_minor, currency, "
                + "due_on, state, created_at, created_by) VALUES (?, 'sub_1', 'cl_1', 'manual', 990, 'EUR', CAST(? AS DATE), "
                + "'open', CAST(? AS TIMESTAMP), 'someone')", id, createdAt.substring(0, 10), createdAt);
    }

    private String description(Caller reader, String invoiceId) {
        return fixture.invoices.read(reader, invoiceId).description();
    }
}
