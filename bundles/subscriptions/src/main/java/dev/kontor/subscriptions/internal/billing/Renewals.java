package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.subscription.StoredSubscription;
import dev.kontor.subscriptions.internal.subscription.SubscriptionScope;
import dev.kontor.subscriptions.internal.subscription.Subscriptions;
import dev.kontor.subscriptions.internal.subscription.Terms;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Manual renewal (S5): one more term at once (as long as the current one, see
 * {@link Terms}), the {@code expired} holds lifted, and for a subscription with a price
 * the renewal invoice of the term, due on the term's last day (today, when that has
 * passed). A term whose renewal invoice exists already (the run's charge) gets no
 * second one; paying that invoice then renews nothing more.
 *
 * <p>The staff managing the client and the client's own users renew, holding
 * {@code subscriptions.renew}. A client's users may renew a suspended subscription too:
 * renewal is how an expired one comes back, and it lifts no other hold.
 */
@Component(service = Renewals.class)
public class Renewals {

    private final Database database;
    private final AuditLog audit;
    private final SubscriptionScope scope;
    private final Subscriptions subscriptions;
    private final Invoices invoices;
    private final Clock clock;

    @Activate
    public Renewals(@Reference Database database, @Reference AuditLog audit, @Reference SubscriptionScope scope,
            @Reference Subscriptions subscriptions, @Reference Invoices invoices) {
        this(database, audit, scope, subscriptions, invoices, Clock.systemUTC());
    }

    public Renewals(Database database, AuditLog audit, SubscriptionScope scope, Subscriptions subscriptions, Invoices invoices,
            Clock clock) {
        this.database = database;
        this.audit = audit;
        this.scope = scope;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.clock = clock;
    }

    /**
     * Renews the subscription by one term.
     *
     * @throws ProblemException 403 without {@code subscriptions.renew}; 409 for a terminated subscription
     * @throws NotFoundException when the caller does not reach it
     */
    public Renewal renew(Caller caller, String subscriptionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Optional<String> invoiceId = database.inTransaction(connection -> {
            StoredSubscription subscription = Terms.lock(connection, subscriptionId)
                    .filter(found -> scope.reach(caller, found.clientId()).isPresent()).orElseThrow(NotFoundException::new);
            if (!caller.has(SubscriptionsPermissions.RENEW)) {
                throw new ProblemException(403, "forbidden", "Renewal needs the permission " + SubscriptionsPermissions.RENEW
                        + ".");
            }
            if (subscription.terminated()) {
                throw SubscriptionScope.terminated();
            }
            LocalDate dueOn = subscription.expiresOn().isBefore(today) ? today : subscription.expiresOn();
            Optional<Invoice> invoice = Invoices.renewalIn(connection, subscription, dueOn, caller.userId(), now);
            LocalDate until = Terms.renew(connection, subscription, caller.userId(), "renewed by hand", now);
            audit.record(caller, "subscriptions.subscription.renewed", "subscription:" + subscription.id(), AuditOutcome.SUCCESS,
                    "until " + until + invoice.map(made -> ", invoice " + made.id()).orElse(""));
            return invoice.map(Invoice::id);
        });
        InvoiceView invoice = invoiceId.filter(id -> caller.has(SubscriptionsPermissions.BILLING))
                .map(id -> invoices.read(caller, id)).orElse(null);
        return new Renewal(subscriptions.read(caller, subscriptionId).orElseThrow(NotFoundException::new), invoice);
    }
}
