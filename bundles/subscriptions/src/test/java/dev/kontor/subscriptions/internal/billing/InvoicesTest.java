package dev.kontor.subscriptions.internal.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.subscription.NewSubscription;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Invoices (S4): who creates, pays, cancels and reads them, what a request may say, the list. */
class InvoicesTest {

    @AutoClose
    private BillingFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void staffInvoiceTheirClientsAndTheClientsBillingUsersReadTheirOwn_S4(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails agency = fixture.base.reseller("Agency", "agency");
        ClientDetails shop = fixture.base.clientOf(agency, "Shop", "shopowner");
        ClientDetails other = fixture.client("Other", "otherowner");
        String shopSubscription = fixture.subscription(shop).id();
        String otherSubscription = fixture.subscription(other).id();
        Caller reseller = fixture.base.owner(agency);
        Caller owner = fixture.base.owner(shop);
        Caller billing = fixture.base.member(shop, "billing");
        Caller basic = fixture.base.member(shop, "basic");

        InvoiceView byOperator = fixture.invoice(shopSubscription, fixture.today());
        InvoiceView byReseller = fixture.invoices.create(reseller, new NewInvoice(shopSubscription, "5.00", null, null, null));
        fixture.invoice(otherSubscription, fixture.today());
        ValidationException foreign = assertThrows(ValidationException.class, () -> fixture.invoices.create(reseller,
                new NewInvoice(otherSubscription, "5.00", null, null, null)));
        ProblemException ownerCreates = assertThrows(ProblemException.class, () -> fixture.invoices.create(owner,
                new NewInvoice(shopSubscription, "5.00", null, null, null)));
        ProblemException ownerPays = assertThrows(ProblemException.class,
                () -> fixture.invoices.pay(owner, byOperator.id(), null));

        assertEquals("subscription_id", foreign.errors().get(0).field());
        assertEquals(403, ownerCreates.status());
        assertEquals(403, ownerPays.status());
        assertEquals("5.00", byReseller.amount());
        assertEquals("EUR", byReseller.currency());
        assertEquals(3, list(fixture.operator(), new InvoiceFilter(null, null, null, null, null)).size());
        assertEquals(2, list(reseller, new InvoiceFilter(null, null, null, null, null)).size());
        List<InvoiceView> own = list(billing, new InvoiceFilter(null, null, null, null, null));
        assertEquals(2, own.size());
        assertNull(own.get(0).createdBy(), "who created it is for staff");
        assertNotNull(fixture.invoices.read(reseller, byOperator.id()).createdBy());
        assertEquals(2, list(owner, new InvoiceFilter(null, null, null, null, null)).size());
        assertEquals(List.of(), list(billing, new InvoiceFilter(null, null, other.id(), null, null)));
        assertThrows(NotFoundException.class, () -> fixture.invoices.read(billing, list(fixture.operator(),
                new InvoiceFilter(null, otherSubscription, null, null, null)).get(0).id()));
        assertEquals(false, basic.has(SubscriptionsPermissions.BILLING), "basic access sees no invoices");
        assertEquals(403, assertThrows(ProblemException.class, () -> fixture.invoices.list(basic,
                new InvoiceFilter(null, null, null, null, null), PageRequest.of(null, null))).status());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anInvoiceRequestIsCheckedFieldByField_S4(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        String priced = fixture.subscription(client).id();
        String free = fixture.subscription(client, fixture.today().plusYears(1), false, false).id();

        assertEquals("amount", field(new NewInvoice(priced, "1.234", null, null, null)));
        assertEquals("amount", field(new NewInvoice(priced, "0", null, null, null)));
        assertEquals("amount", field(new NewInvoice(priced, "-5", null, null, null)));
        assertEquals("currency", field(new NewInvoice(priced, "5", "USD", null, null)));
        assertEquals("currency", field(new NewInvoice(free, "5", null, null, null)));
        assertEquals("amount", field(new NewInvoice(free, null, "EUR", null, null)));
        assertEquals("due_at", field(new NewInvoice(priced, null, null, fixture.today().minusDays(1).toString(), null)));
        assertEquals("due_at", field(new NewInvoice(priced, null, null, "tomorrow", null)));
        assertEquals("subscription_id", field(new NewInvoice("sub_unknown", null, null, null, null)));
        assertEquals("subscription_id", field(new NewInvoice(null, null, null, null, null)));
        assertEquals("description", field(new NewInvoice(priced, null, null, null, "line\u0000break")));
        assertEquals("$", assertThrows(ValidationException.class, () -> fixture.invoices.create(fixture.operator(), null))
                .errors().get(0).field());
        InvoiceView inDollars = fixture.invoices.create(fixture.operator(), new NewInvoice(free, "12.5", "USD", null, null));
        assertEquals("12.50", inDollars.amount());
        assertEquals(fixture.today(), inDollars.dueAt());
        fixture.base.subscriptions.terminate(fixture.operator(), priced, null);
        assertEquals("subscription-terminated", assertThrows(ProblemException.class, () -> fixture.invoices.create(
                fixture.operator(), new NewInvoice(priced, null, null, null, null))).type());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aPaidInvoiceStaysPaidAndACancelledOneCancelled_S4(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        String subscription = fixture.subscription(client).id();
        String paid = fixture.invoice(subscription, fixture.today()).id();
        String cancelled = fixture.invoice(subscription, fixture.today()).id();
        fixture.invoices.pay(fixture.operator(), paid, new Payment("first"));
        fixture.invoices.cancel(fixture.operator(), cancelled, new Cancellation("by mistake"));

        InvoiceView paidAgain = fixture.invoices.pay(fixture.operator(), paid, new Payment("second"));

        assertEquals("first", paidAgain.paymentReference(), "a repeated payment changes nothing");
        assertEquals("invoice-paid", assertThrows(ProblemException.class,
                () -> fixture.invoices.cancel(fixture.operator(), paid, null)).type());
        assertEquals("invoice-cancelled", assertThrows(ProblemException.class,
                () -> fixture.invoices.pay(fixture.operator(), cancelled, null)).type());
        InvoiceView read = fixture.invoices.read(fixture.operator(), cancelled);
        assertEquals("cancelled", read.state());
        assertEquals("by mistake", read.cancelNote());
        assertNull(fixture.invoices.read(fixture.base.owner(client), cancelled).cancelNote(), "the note is for staff");
        assertEquals(List.of("subscriptions.invoice.created", "subscriptions.invoice.created", "subscriptions.invoice.paid",
                "subscriptions.invoice.cancelled"), fixture.base.auditActions().stream()
                        .filter(action -> action.startsWith("subscriptions.invoice.")).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theListFiltersAndPagesWithoutGapsOrDoubles(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        String first = fixture.subscription(client).id();
        String second = fixture.subscription(client).id();
        List<InvoiceView> made = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            made.add(fixture.invoice(i % 2 == 0 ? first : second, fixture.today().plusDays(i % 4)));
        }
        fixture.invoices.pay(fixture.operator(), made.get(0).id(), null);
        fixture.invoices.cancel(fixture.operator(), made.get(1).id(), null);
        fixture.days(2); // due today and yesterday: overdue are those due on day 0 and 1 that are open

        List<String> byDue = made.stream().sorted(Comparator.comparing(InvoiceView::dueAt).thenComparing(InvoiceView::id))
                .map(InvoiceView::id).toList();
        assertEquals(byDue, pages(new InvoiceFilter(null, null, null, null, null)));
        List<String> latestFirst = new ArrayList<>(byDue);
        java.util.Collections.reverse(latestFirst);
        assertEquals(latestFirst, pages(new InvoiceFilter(null, null, null, null, "-due_at")));
        assertEquals(made.stream().map(InvoiceView::id).sorted().toList(),
                pages(new InvoiceFilter(null, null, null, null, "created_at")).stream().sorted().toList());
        assertEquals(made.stream().filter(invoice -> invoice.subscriptionId().equals(first)).count(),
                pages(new InvoiceFilter(null, first, null, null, null)).size());
        List<String> overdue = made.stream().skip(2).filter(invoice -> invoice.dueAt().isBefore(fixture.today()))
                .sorted(Comparator.comparing(InvoiceView::dueAt).thenComparing(InvoiceView::id)).map(InvoiceView::id).toList();
        assertEquals(overdue, pages(new InvoiceFilter(null, null, null, "true", null)));
        assertEquals(9 - overdue.size(), pages(new InvoiceFilter(null, null, client.id(), "false", null)).size());
        assertEquals(List.of(made.get(0).id()), pages(new InvoiceFilter("paid", null, null, null, null)));
        for (InvoiceFilter invalid : List.of(new InvoiceFilter("unpaid", null, null, null, null),
                new InvoiceFilter(null, null, null, "yes", null), new InvoiceFilter(null, null, null, null, "amount"),
                new InvoiceFilter(null, "x\ny", null, null, null))) {
            assertThrows(ValidationException.class, () -> pages(invalid), invalid.toString());
        }
        assertThrows(ValidationException.class, () -> fixture.invoices.list(fixture.operator(),
                new InvoiceFilter(null, null, null, null, "-due_at"), PageRequest.of("2", PageRequest.encode("due_at\nx\ninv"))));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removingTheClientRemovesItsInvoices_C6(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails other = fixture.client("Other", "otherowner");
        String subscription = fixture.subscription(client).id();
        String kept = fixture.invoice(fixture.subscription(other).id(), fixture.today()).id();
        fixture.invoice(subscription, fixture.today());
        fixture.invoice(subscription, fixture.today());

        Map<String, Long> preview = fixture.base.clients.removalPreview(fixture.operator(), client.id());
        fixture.base.clients.remove(fixture.operator(), client.id(), null);

        assertEquals(2L, preview.get("invoices"));
        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM subscriptions_invoice WHERE client_id = ?", client.id()));
        assertEquals(kept, list(fixture.operator(), new InvoiceFilter(null, null, null, null, null)).get(0).id());
    }

    private String field(NewInvoice request) {
        return assertThrows(ValidationException.class, () -> fixture.invoices.create(fixture.operator(), request))
                .errors().get(0).field();
    }

    private List<InvoiceView> list(Caller caller, InvoiceFilter filter) {
        return fixture.invoices.list(caller, filter, PageRequest.of("500", null)).items();
    }

    /** Every page of the list, two at a time, as the ids in the order they came. */
    private List<String> pages(InvoiceFilter filter) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<InvoiceView> page = fixture.invoices.list(fixture.operator(), filter, PageRequest.of("2", cursor));
            page.items().forEach(invoice -> ids.add(invoice.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }
}
