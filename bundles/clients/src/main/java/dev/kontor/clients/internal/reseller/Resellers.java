package dev.kontor.clients.internal.reseller;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.clients.ResellerEvent;
import dev.kontor.api.clients.ResellerLifecycleListener;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.Accounts;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientStore;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The resellers, for the operator's staff holding {@code clients.resellers} (C9): the
 * list with each one's client count, suspending and activating one, and ending a
 * reseller status.
 *
 * <p>Suspending a reseller suspends its organization's account (its staff can no longer
 * act or log in) and tells every {@link ResellerLifecycleListener} in the same
 * transaction, where the subscriptions module holds the services of the reseller's
 * clients; the clients themselves stay as they are. A listener that throws undoes it all.
 */
@Component(service = Resellers.class)
public class Resellers {

    static final int MAX_REASON = 500;
    private static final List<String> STATES = List.of(Reseller.ACTIVE, Reseller.SUSPENDED);

    private final Database database;
    private final AuditLog audit;
    private final Accounts accounts;
    private final ResellerListeners listeners;

    @Activate
    public Resellers(@Reference Database database, @Reference AuditLog audit, @Reference Accounts accounts,
            @Reference ResellerListeners listeners) {
        this.database = database;
        this.audit = audit;
        this.accounts = accounts;
        this.listeners = listeners;
    }

    /** The resellers in the order they were approved in, with their client counts. */
    public Page<Reseller> list(Caller caller, String state, PageRequest page) {
        Require.permission(caller, ClientsPermissions.RESELLERS);
        String filter = StateFilter.of(state, STATES);
        Page<Reseller> found = database.inTransaction(connection -> ResellerStore.page(connection, filter, page));
        return new Page<>(found.items().stream().map(this::named).toList(), found.nextCursor());
    }

    public Reseller read(Caller caller, String id) {
        Require.permission(caller, ClientsPermissions.RESELLERS);
        return named(database.inTransaction(connection -> found(TextInput.plausibleId(id) ? ResellerStore.find(connection, id)
                : Optional.empty())));
    }

    /**
     * Suspends the reseller: its account and, through the listeners, its clients'
     * services, in one transaction. Suspending a suspended reseller changes nothing.
     */
    public Reseller suspend(Caller caller, String id, Reason request) {
        Require.permission(caller, ClientsPermissions.RESELLERS);
        String reason = TextInput.optional("reason", request == null ? null : request.reason(), MAX_REASON);
        return database.inTransaction(connection -> {
            Reseller reseller = locked(connection, id);
            if (!reseller.suspended()) {
                ResellerStore.setState(connection, reseller.id(), Reseller.SUSPENDED, reason);
                accounts.suspend(caller, reseller.id());
                ResellerEvent event = new ResellerEvent(caller, reseller.id(), reason);
                tell(reseller.id(), listener -> listener.suspended(event));
                record(caller, "clients.reseller.suspended", reseller.id(), reason == null ? null : "reason: " + reason);
            }
            return named(ResellerStore.find(connection, reseller.id()).orElseThrow());
        });
    }

    /**
     * Lifts the reseller's suspension and, through the listeners, only what it caused. Its
     * account stays suspended while its organization is a client that is suspended itself.
     */
    public Reseller activate(Caller caller, String id) {
        Require.permission(caller, ClientsPermissions.RESELLERS);
        return database.inTransaction(connection -> {
            Reseller reseller = locked(connection, id);
            if (reseller.suspended()) {
                ResellerStore.setState(connection, reseller.id(), Reseller.ACTIVE, null);
                if (!ClientStore.byOrganization(connection, reseller.id()).map(ClientDetails::suspended).orElse(false)) {
                    accounts.activate(caller, reseller.id());
                }
                ResellerEvent event = new ResellerEvent(caller, reseller.id(), null);
                tell(reseller.id(), listener -> listener.activated(event));
                record(caller, "clients.reseller.activated", reseller.id(), null);
            }
            return named(ResellerStore.find(connection, reseller.id()).orElseThrow());
        });
    }

    /**
     * Ends the reseller status: its owner and administrators lose the resellers'
     * permissions, its pending requests to attach clients are withdrawn. Only a reseller
     * without clients (the operator moves them first) and not suspended ends.
     */
    public void end(Caller caller, String id) {
        Require.permission(caller, ClientsPermissions.RESELLERS);
        database.runInTransaction(connection -> {
            Reseller reseller = locked(connection, id);
            if (reseller.suspended()) {
                throw new ProblemException(409, "reseller-suspended",
                        "The reseller is suspended; activate it first, so that its account and its clients' services are "
                                + "released.");
            }
            if (reseller.clients() > 0) {
                throw new ProblemException(409, "reseller-has-clients", "The reseller has " + reseller.clients()
                        + " client(s); move them to the operator or another reseller first.");
            }
            accounts.markReseller(caller, reseller.id(), false);
            ResellerStore.delete(connection, reseller.id());
            AttachRequestStore.withdrawPendingOfReseller(connection, reseller.id());
            record(caller, "clients.reseller.ended", reseller.id(), null);
        });
    }

    private static Reseller locked(Connection connection, String id) throws SQLException {
        return found(TextInput.plausibleId(id) ? ResellerStore.lock(connection, id) : Optional.empty());
    }

    private static Reseller found(Optional<Reseller> reseller) {
        return reseller.orElseThrow(NotFoundException::new);
    }

    private Reseller named(Reseller reseller) {
        return reseller.named(accounts.find(reseller.id()).map(Account::name).orElse(null));
    }

    /**
     * Tells every listener whose module is on for the reseller's organization, in order,
     * inside the current transaction: one that throws undoes the change.
     */
    private void tell(String resellerOrganization, Consumer<ResellerLifecycleListener> call) {
        listeners.inOrderFor(resellerOrganization).forEach(call);
    }

    private void record(Caller caller, String action, String resellerId, String detail) {
        audit.record(caller, action, "reseller:" + resellerId, AuditOutcome.SUCCESS, detail);
    }
}
