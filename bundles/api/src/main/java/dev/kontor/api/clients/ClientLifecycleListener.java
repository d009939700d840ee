package dev.kontor.api.clients;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a client's state changes, inside the transaction of the change: what a
 * listener writes commits or rolls back with it, and a listener that throws undoes the
 * whole change. Send mails and call other systems from {@code Database.afterCommit}.
 * The subscriptions module places and lifts its cascade holds here (C4, S2).
 */
@ConsumerType
public interface ClientLifecycleListener {

    /** The client was suspended (C4). */
    default void suspended(ClientEvent event) {
    }

    /** The client's suspension was lifted: undo what {@link #suspended} did, nothing else (C4). */
    default void activated(ClientEvent event) {
    }

    /**
     * Several clients were suspended in one transaction (a bulk action, C3): what
     * {@link #suspended} does for each, by default exactly that. Override it to do the
     * work for all of them in a few statements; throwing undoes the change of all of them
     * (the bulk action then takes them one by one, so only the client that fails stays
     * unchanged).
     *
     * @param events one per client, in the order of the clients' ids
     * @since 1.2
     */
    default void suspendedAll(List<ClientEvent> events) {
        events.forEach(this::suspended);
    }

    /**
     * Several clients' suspensions were lifted in one transaction, like {@link #suspendedAll}.
     *
     * @since 1.2
     */
    default void activatedAll(List<ClientEvent> events) {
        events.forEach(this::activated);
    }

    /** The client is being removed; remove what hangs on it (C6). */
    default void removing(ClientEvent event) {
    }

    /**
     * What removing the client would take with it, for the confirmation that says what
     * will go (C6): counts by kind, e.g. {@code {"subscriptions": 3, "domains": 5}}.
     */
    default Map<String, Long> removalPreview(String clientId) {
        return Map.of();
    }
}
