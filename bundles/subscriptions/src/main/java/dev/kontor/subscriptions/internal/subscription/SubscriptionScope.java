package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientDirectory;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.security.Caller;
import dev.kontor.api.subscriptions.SubscriptionState;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who reaches which subscription: the one rule of this module, applied before any work.
 * A caller holding {@code subscriptions.view} reaches the subscriptions of
 * <ul>
 * <li>every client, as the operator's staff (callers in the operator's organization);</li>
 * <li>the clients of the reseller whose organization they act in, as its staff;</li>
 * <li>the client whose organization they act in, as its own users (partners the client
 * let in act there too, and are treated the same).</li>
 * </ul>
 * Everything else answers like a missing subscription (404). What a caller may do where
 * it reaches is for the permissions and {@link LiftPolicy} to say.
 */
@Component(service = SubscriptionScope.class)
public class SubscriptionScope {

    private final ClientDirectory clients;

    @Activate
    public SubscriptionScope(@Reference ClientDirectory clients) {
        this.clients = clients;
    }

    /** How the caller reaches the client's subscriptions; empty when it does not. */
    public Optional<Reach> reach(Caller caller, String clientId) {
        if (!caller.has(SubscriptionsPermissions.VIEW)) {
            return Optional.empty();
        }
        if (caller.isOperator()) {
            return Optional.of(Reach.OPERATOR);
        }
        return clients.find(clientId).flatMap(client -> reach(caller, client));
    }

    /** How a caller who is not the operator's reaches a client; empty when it does not. */
    static Optional<Reach> reach(Caller caller, Client client) {
        if (caller.organizationId().equals(client.resellerId())) {
            return Optional.of(Reach.RESELLER);
        }
        return caller.organizationId().equals(client.organizationId()) ? Optional.of(Reach.CLIENT) : Optional.empty();
    }

    /**
     * The clients whose subscriptions the caller lists: empty for the operator's staff,
     * who list all; else the reseller's clients and the caller's own client.
     */
    public Optional<Set<String>> listedClients(Caller caller) {
        if (caller.isOperator()) {
            return Optional.empty();
        }
        Set<String> ids = new LinkedHashSet<>();
        if (caller.has(SubscriptionsPermissions.VIEW)) {
            clients.byOrganization(caller.organizationId()).ifPresent(client -> ids.add(client.id()));
            clients.ofReseller(caller.organizationId()).forEach(client -> ids.add(client.id()));
        }
        return Optional.of(ids);
    }

    /**
     * How the caller reaches the subscriptions of each client its list shows, by client
     * id, with one look-up for a whole page: the operator's staff reach all as such;
     * anyone else lists only their own client's (as its users) and their reseller's
     * clients' (as staff).
     */
    public Function<String, Reach> listedReach(Caller caller) {
        if (caller.isOperator()) {
            return clientId -> Reach.OPERATOR;
        }
        String own = clients.byOrganization(caller.organizationId()).map(Client::id).orElse(null);
        return clientId -> clientId.equals(own) ? Reach.CLIENT : Reach.RESELLER;
    }

    /** The subscription as the caller reaches it. */
    Reached found(Connection connection, Caller caller, String id) throws SQLException {
        return reached(caller, TextInput.plausibleId(id) ? SubscriptionStore.find(connection, id) : Optional.empty());
    }

    /** Like {@link #found}, locked until the transaction ends. */
    Reached locked(Connection connection, Caller caller, String id) throws SQLException {
        return reached(caller, TextInput.plausibleId(id) ? SubscriptionStore.lock(connection, id) : Optional.empty());
    }

    /**
     * Refuses a change of a terminated subscription (S6), and a change of a suspended
     * one by the client's own users (S3), who may only look at it.
     */
    static void requireChangeable(Reached reached) {
        if (reached.subscription().terminated()) {
            throw terminated();
        }
        if (reached.reach() == Reach.CLIENT && reached.subscription().state() == SubscriptionState.SUSPENDED) {
            throw new ProblemException(409, "subscription-suspended", "The subscription is suspended; you can see it, "
                    + "but not change it until the suspension is lifted.");
        }
    }

    /** The 409 for any change of a terminated subscription (S6). */
    public static ProblemException terminated() {
        return new ProblemException(409, "subscription-terminated", "The subscription is terminated; it cannot change any more.");
    }

    /** The 403 for staff work without the permission. */
    static void require(Caller caller, Reach reach, String permission) {
        if (!reach.staff() || !caller.has(permission)) {
            throw new ProblemException(403, "forbidden", "This needs the permission " + permission
                    + " as staff managing the client.");
        }
    }

    private Reached reached(Caller caller, Optional<StoredSubscription> subscription) {
        return subscription.flatMap(found -> reach(caller, found.clientId()).map(reach -> new Reached(found, reach)))
                .orElseThrow(NotFoundException::new);
    }

    /** A subscription and how the caller reaches it. */
    record Reached(StoredSubscription subscription, Reach reach) {
    }
}
