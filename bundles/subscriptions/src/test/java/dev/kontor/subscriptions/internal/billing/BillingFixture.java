package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.mail.internal.Outbox;
import dev.kontor.mail.internal.ModuleMailers;
import dev.kontor.subscriptions.internal.subscription.HoldView;
import dev.kontor.subscriptions.internal.subscription.NewSubscription;
import dev.kontor.subscriptions.internal.subscription.Price;
import dev.kontor.subscriptions.internal.subscription.SubscriptionView;
import dev.kontor.subscriptions.internal.subscription.SubscriptionsFixture;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The billing part of the module on {@link SubscriptionsFixture} (real users and clients
 * modules, H2 or PostgreSQL, a clock the test moves): the real outbox and mailer reading
 * this module's templates (which can be made to fail once), invoices, renewals, and the
 * billing run with the default periods (grace 14 days, termination 30 more, notices 3
 * days ahead). The client's invoices go with the client, as in the panel.
 */
final class BillingFixture implements AutoCloseable {

    final SubscriptionsFixture base;
    final Outbox outbox;
    final CrashingMailer mailer;
    final BillingMails mails;
    final Invoices invoices;
    final Renewals renewals;
    final AutomationRun run;
    private final List<AutomationRun> runs = new ArrayList<>();

    BillingFixture(DatabaseKind kind) {
        base = new SubscriptionsFixture(kind);
        base.database.withModule("mail", Outbox.class);
        outbox = new Outbox(base.database);
        mailer = new CrashingMailer(ModuleMailers.of(outbox, "subscriptions"));
        mails = new BillingMails(mailer, base.directory);
        invoices = new Invoices(base.database, base.audit, base.scope, base.system, base.clock);
        renewals = new Renewals(base.database, base.audit, base.scope, base.subscriptions, invoices, base.clock);
        run = anotherNode();
        base.listenToClients(new InvoiceCascade(base.database, base.audit), 2);
    }

    /** A second billing run on the same database, as another panel node has it. */
    AutomationRun anotherNode() {
        return anotherNode(BillingSettings.DEFAULTS);
    }

    /** A billing run with other settings on the same database; stopped with the fixture. */
    AutomationRun anotherNode(BillingSettings settings) {
        AutomationRun node = new AutomationRun(base.database, base.system, base.subscriptions, mails, base.directory,
                base.audit, settings, base.clock);
        runs.add(node);
        return node;
    }

    Caller operator() {
        return base.operator();
    }

    LocalDate today() {
        return base.today();
    }

    /** Moves the clock on by whole days. */
    void days(int days) {
        base.clock.advance(Duration.ofDays(days));
    }

    /** Moves the clock on by whole days, then runs the billing run once. */
    AutomationReport runAfter(int days) {
        days(days);
        return run.run();
    }

    /** Runs the billing run once a day on that many days, today first; the clock ends that many days on. */
    void runEachDay(int days) {
        for (int day = 0; day < days; day++) {
            run.run();
            days(1);
        }
    }

    /** A new client "Shop" (owner {@code shopowner}), a subscription of it and an invoice for it due today. */
    Unpaid unpaidInvoice() {
        ClientDetails client = client("Shop", "shopowner");
        String subscription = subscription(client).id();
        return new Unpaid(client, subscription, invoice(subscription, today()).id());
    }

    /** A client of the operator's, its owner's address {@code <username>@example.com}. */
    ClientDetails client(String name, String username) {
        return base.client(name, username);
    }

    /**
     * A subscription of the client for a year ending on that day (starting a year
     * before), for 9.90 EUR or for nothing.
     */
    SubscriptionView subscription(ClientDetails client, LocalDate expiresOn, boolean priced, boolean autoRenew) {
        return base.subscriptions.create(operator(), new NewSubscription(client.id(), "Webhosting M",
                expiresOn.plusDays(1).minusYears(1).toString(), expiresOn.toString(), priced ? new Price("9.90", "EUR") : null,
                List.of(), autoRenew));
    }

    /** A priced yearly subscription without auto-renewal, ending a year from now. */
    SubscriptionView subscription(ClientDetails client) {
        return subscription(client, today().plusYears(1), true, false);
    }

    /** An invoice of the subscription's price, due on that day, created by the operator. */
    InvoiceView invoice(String subscriptionId, LocalDate dueOn) {
        return invoices.create(operator(), new NewInvoice(subscriptionId, null, null, dueOn.toString(), "Setup"));
    }

    /** The reasons of the subscription's holds in force, sorted. */
    List<String> inForce(String subscriptionId) {
        return base.holdsOf(subscriptionId).stream().filter(HoldView::inForce).map(HoldView::reason).sorted().toList();
    }

    /** The steps taken for the invoice, in the order of the steps. */
    List<String> steps(String invoiceId) {
        return invoices.read(operator(), invoiceId).steps().stream().map(InvoiceView.Step::step).toList();
    }

    /** The subjects of the mails queued to the address, oldest first. */
    List<String> subjectsTo(String address) {
        return base.database.strings("SELECT subject FROM mail_outbox WHERE recipient = ? ORDER BY created_at, id", address);
    }

    /** How many mails about the invoice (named by its number) the outbox holds, with this text in their subject. */
    int mailsAbout(String invoiceId, String subjectPart) {
        String number = base.database.strings("SELECT number FROM subscriptions_invoice WHERE id = ?", invoiceId).get(0);
        return base.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE ? AND subject LIKE ?", "%" + number + "%",
                "%" + subjectPart + "%");
    }

    /** A client's subscription and its open invoice, by id. */
    record Unpaid(ClientDetails client, String subscription, String invoice) {
    }

    @Override
    public void close() {
        runs.forEach(AutomationRun::stop);
        base.close();
    }
}
