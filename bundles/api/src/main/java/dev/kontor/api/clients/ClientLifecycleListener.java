package dev.kontor.api.clients;

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
