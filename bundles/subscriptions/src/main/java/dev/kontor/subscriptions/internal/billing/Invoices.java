package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.subscription.Dates;
import dev.kontor.subscriptions.internal.subscription.HoldReason;
import dev.kontor.subscriptions.internal.subscription.Price;
import dev.kontor.subscriptions.internal.subscription.Reach;
import dev.kontor.subscriptions.internal.subscription.StoredSubscription;
import dev.kontor.subscriptions.internal.subscription.SubscriptionScope;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import dev.kontor.subscriptions.internal.subscription.Terms;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Invoices of subscriptions (S4, S5): the list, creation by staff, payment and
 * cancellation. Who reaches an invoice is who reaches its subscription's client
 * ({@link SubscriptionScope}); reading needs {@code subscriptions.billing}, every change
 * {@code subscriptions.invoices} as staff managing the client.
 *
 * <p>Paying or cancelling an open invoice lifts the non-payment hold it caused (and no
 * other hold), in the same transaction; paying a renewal invoice also renews the term it
 * was made for, unless that happened already. The invoice's row is locked first, then
 * the subscription's: the order the non-payment run locks in too, so a payment and a run
 * step of the same invoice queue up instead of crossing.
 */
@Component(service = Invoices.class)
public class Invoices {

    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_REFERENCE = 200;
    static final int MAX_NOTE = 1000;

    private final Database database;
    private final AuditLog audit;
    private final SubscriptionScope scope;
    private final SystemHolds holds;
    private final Clock clock;

    @Activate
    public Invoices(@Reference Database database, @Reference AuditLog audit, @Reference SubscriptionScope scope,
            @Reference SystemHolds holds) {
        this(database, audit, scope, holds, Clock.systemUTC());
    }

    public Invoices(Database database, AuditLog audit, SubscriptionScope scope, SystemHolds holds, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.scope = scope;
        this.holds = holds;
        this.clock = clock;
    }

    /** The invoices the caller reaches, filtered, sorted and paged. */
    public Page<InvoiceView> list(Caller caller, InvoiceFilter filter, PageRequest page) {
        requireReader(caller);
        LocalDate today = today();
        InvoiceList list = new InvoiceList(scope.listedClients(caller), filter, today, page);
        return database.inTransaction(connection -> {
            Page<Invoice> found = list.read(connection, page);
            Map<String, Map<NonPaymentStep, Instant>> steps = StepStore.of(connection,
                    found.items().stream().map(Invoice::id).toList());
            Map<String, Boolean> staffOf = new HashMap<>(); // the caller's relation to a client, asked once per client
            return new Page<>(found.items().stream().map(invoice -> InvoiceView.of(invoice,
                    steps.getOrDefault(invoice.id(), Map.of()), staffOf.computeIfAbsent(invoice.clientId(),
                            client -> seesStaffFields(caller, reach(caller, invoice))), today, caller.locale())).toList(),
                    found.nextCursor());
        });
    }

    /** The invoice as the caller may read it. */
    public InvoiceView read(Caller caller, String id) {
        requireReader(caller);
        return database.inTransaction(connection -> {
            Invoice invoice = found(connection, caller, id, false);
            return view(connection, caller, invoice);
        });
    }

    /**
     * Creates an invoice of a subscription (S4) for staff managing its client.
     *
     * @throws ValidationException naming the invalid fields; a subscription out of reach is one ({@code subscription_id})
     * @throws ProblemException 403 without {@code subscriptions.invoices} as staff; 409 for a terminated subscription
     */
    public InvoiceView create(Caller caller, NewInvoice request) {
        if (request == null) {
            throw new ValidationException("$", "the body must be a JSON object with the invoice's fields");
        }
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String description = TextInput.optional("description", request.description(), MAX_DESCRIPTION);
        LocalDate dueOn = Optional.ofNullable(Dates.date("due_at", request.dueAt())).orElse(today);
        if (dueOn.isBefore(today)) {
            throw new ValidationException("due_at", "today or later");
        }
        return database.inTransaction(connection -> {
            String subscriptionId = request.subscriptionId() == null ? null : request.subscriptionId().strip();
            StoredSubscription subscription = Terms.lock(connection, subscriptionId)
                    .filter(found -> scope.reach(caller, found.clientId()).isPresent())
                    .orElseThrow(() -> new ValidationException("subscription_id", "no such subscription"));
            requireStaff(caller, scope.reach(caller, subscription.clientId()).orElseThrow());
            if (subscription.terminated()) {
                throw SubscriptionScope.terminated();
            }
            Price amount = amount(request, subscription.price());
            Invoice invoice = insertOpen(connection, subscription, InvoicePurpose.MANUAL, amount, dueOn,
                    new Description(description, null, null), null, caller.userId(), now);
            record(caller, "subscriptions.invoice.created", invoice, "number " + invoice.number() + ", subscription "
                    + subscription.id() + ", " + amount.amount() + " " + amount.currency() + ", due " + dueOn);
            return view(connection, caller, invoice);
        });
    }

    /**
     * Records the payment of the invoice (S4): lifts its non-payment hold, and for a
     * renewal invoice renews the term it was made for (S5). Paying a paid invoice changes
     * nothing; a terminated subscription keeps its payment recorded and changes no more.
     *
     * @throws ProblemException 409 {@code invoice-cancelled}; 403 as for {@link #create}
     */
    public InvoiceView pay(Caller caller, String id, Payment request) {
        String reference = TextInput.optional("reference", request == null ? null : request.reference(), MAX_REFERENCE);
        Instant now = now();
        return database.inTransaction(connection -> {
            Invoice invoice = found(connection, caller, id, true);
            requireStaff(caller, reach(caller, invoice));
            if (invoice.state() == InvoiceState.CANCELLED) {
                throw new ProblemException(409, "invoice-cancelled", "The invoice was cancelled; it cannot be paid.");
            }
            if (invoice.state() == InvoiceState.OPEN) {
                InvoiceStore.markPaid(connection, invoice.id(), now, caller.userId(), reference);
                settled(connection, invoice, caller.userId(), "paid", now);
                record(caller, "subscriptions.invoice.paid", invoice, reference == null ? null : "reference " + reference);
            }
            return view(connection, caller, InvoiceStore.find(connection, invoice.id()).orElseThrow());
        });
    }

    /**
     * Cancels an open invoice: nothing is owed any more, its non-payment hold is lifted
     * and, for a renewal invoice, the term stays as it is (the subscription expires unless
     * renewed by hand). Cancelling a cancelled invoice changes nothing.
     *
     * @throws ProblemException 409 {@code invoice-paid}; 403 as for {@link #create}
     */
    public InvoiceView cancel(Caller caller, String id, Cancellation request) {
        String note = TextInput.multiline("note", request == null ? null : request.note(), MAX_NOTE);
        Instant now = now();
        return database.inTransaction(connection -> {
            Invoice invoice = found(connection, caller, id, true);
            requireStaff(caller, reach(caller, invoice));
            if (invoice.state() == InvoiceState.PAID) {
                throw new ProblemException(409, "invoice-paid", "The invoice is paid; it cannot be cancelled.");
            }
            if (invoice.state() == InvoiceState.OPEN) {
                InvoiceStore.markCancelled(connection, invoice.id(), now, caller.userId(), note);
                holds.lift(invoice.subscriptionId(), HoldReason.NON_PAYMENT, invoice.id(), "invoice " + invoice.id()
                        + " cancelled");
                record(caller, "subscriptions.invoice.cancelled", invoice, note == null ? null : "note: " + note);
            }
            return view(connection, caller, InvoiceStore.find(connection, invoice.id()).orElseThrow());
        });
    }

    /**
     * The renewal invoice of the subscription's current term (S5), unless the term has one
     * already: one invoice per term, however many runs or renewals ask. In the caller's
     * transaction, with the subscription locked.
     *
     * @param createdBy the user id of who renewed, or {@code system}
     * @return the invoice made; empty when the term had one
     */
    static Optional<Invoice> renewalIn(Connection connection, StoredSubscription subscription, LocalDate dueOn,
            String createdBy, Instant now) throws SQLException {
        if (subscription.price() == null || subscription.price().minorUnits() == 0
                || InvoiceStore.renewalExists(connection, subscription.id(), subscription.expiresOn())) {
            return Optional.empty();
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("plan", subscription.plan());
        arguments.put("from", subscription.expiresOn().plusDays(1).toString());
        arguments.put("until", Terms.renewedExpiry(subscription).toString());
        // Each reader gets it in their language: stored as a label with its arguments.
        Description description = new Description(null, InvoiceDescriptions.RENEWAL, InvoiceDescriptions.encode(arguments));
        return Optional.of(insertOpen(connection, subscription, InvoicePurpose.RENEWAL, subscription.price(), dueOn, description,
                subscription.expiresOn(), createdBy, now));
    }

    /** A new open invoice of the subscription with the next number (S4), stored in the caller's transaction. */
    private static Invoice insertOpen(Connection connection, StoredSubscription subscription, InvoicePurpose purpose,
            Price amount, LocalDate dueOn, Description description, LocalDate renewsExpiry, String createdBy, Instant now)
            throws SQLException {
        String number = InvoiceNumbers.next(connection, LocalDate.ofInstant(now, ZoneOffset.UTC).getYear());
        Invoice invoice = new Invoice(Ids.newId("inv"), number, subscription.id(), subscription.clientId(), purpose, amount,
                dueOn, InvoiceState.OPEN, description.text(), description.key(), description.arguments(), renewsExpiry, now,
                createdBy, null, null, null, null, null, null);
        InvoiceStore.insert(connection, invoice);
        return invoice;
    }

    /** What a payment settles besides the invoice: its non-payment hold, and for a renewal invoice the renewal. */
    private void settled(Connection connection, Invoice invoice, String actor, String how, Instant now) throws SQLException {
        holds.lift(invoice.subscriptionId(), HoldReason.NON_PAYMENT, invoice.id(), "invoice " + invoice.id() + " " + how);
        if (invoice.purpose() != InvoicePurpose.RENEWAL) {
            return;
        }
        Optional<StoredSubscription> subscription = Terms.lock(connection, invoice.subscriptionId())
                .filter(found -> !found.terminated() && found.expiresOn().equals(invoice.renewsExpiry()));
        if (subscription.isPresent()) {
            Terms.renew(connection, subscription.get(), actor, "renewal invoice " + invoice.id() + " " + how, now);
        }
    }

    /** The invoice the caller reaches, locked when it is about to change; else 404. */
    private Invoice found(Connection connection, Caller caller, String id, boolean lock) throws SQLException {
        Optional<Invoice> invoice = !TextInput.plausibleId(id) ? Optional.empty()
                : lock ? InvoiceStore.lock(connection, id) : InvoiceStore.find(connection, id);
        return invoice.filter(found -> scope.reach(caller, found.clientId()).isPresent()).orElseThrow(NotFoundException::new);
    }

    private Reach reach(Caller caller, Invoice invoice) {
        return scope.reach(caller, invoice.clientId()).orElseThrow(NotFoundException::new);
    }

    private InvoiceView view(Connection connection, Caller caller, Invoice invoice) throws SQLException {
        return InvoiceView.of(invoice, StepStore.of(connection, invoice.id()), seesStaffFields(caller, reach(caller, invoice)),
                today(), caller.locale());
    }

    /** The amount a request names, in the subscription's currency; by default the subscription's price. */
    private static Price amount(NewInvoice request, Price price) {
        String currency = request.currency() == null || request.currency().isBlank() ? null : request.currency().strip();
        if (price != null && currency != null && !currency.equals(price.currency())) {
            throw new ValidationException("currency", "the subscription's currency, " + price.currency());
        }
        if (currency == null && price == null) {
            throw new ValidationException("currency", "required: the subscription has no price to take it from");
        }
        if (request.amount() == null || request.amount().isBlank()) {
            if (price == null || price.minorUnits() == 0) {
                throw new ValidationException("amount", "required: the subscription has no price to take it from");
            }
            return price;
        }
        Price amount = validAmount(request.amount(), currency == null ? price.currency() : currency);
        if (amount.minorUnits() == 0) {
            throw new ValidationException("amount", "more than 0");
        }
        return amount;
    }

    /** The amount checked as a price is, with its errors named {@code amount} and {@code currency}. */
    private static Price validAmount(String amount, String currency) {
        try {
            return Price.valid(new Price(amount, currency));
        } catch (ValidationException invalid) {
            throw new ValidationException(invalid.errors().stream().map(error -> new ValidationException.FieldError(
                    error.field().replace("price.", ""), error.message())).toList());
        }
    }

    private static void requireReader(Caller caller) {
        if (!caller.has(SubscriptionsPermissions.BILLING)) {
            throw new ProblemException(403, "forbidden", "Invoices need the permission " + SubscriptionsPermissions.BILLING + ".");
        }
    }

    /** Who created, paid and cancelled an invoice, and why it was cancelled, is for the staff handling invoices. */
    private static boolean seesStaffFields(Caller caller, Reach reach) {
        return reach.staff() && caller.has(SubscriptionsPermissions.INVOICES);
    }

    private static void requireStaff(Caller caller, Reach reach) {
        if (!reach.staff() || !caller.has(SubscriptionsPermissions.INVOICES)) {
            throw new ProblemException(403, "forbidden", "This needs the permission " + SubscriptionsPermissions.INVOICES
                    + " as staff managing the client.");
        }
    }

    private void record(Caller caller, String action, Invoice invoice, String detail) {
        audit.record(caller, action, "invoice:" + invoice.id(), AuditOutcome.SUCCESS, detail);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * An invoice's description: what staff wrote ({@code text}), or a label the panel
     * writes ({@code key}, with its form-encoded {@code arguments}); all null for none.
     */
    private record Description(String text, String key, String arguments) {
    }
}
