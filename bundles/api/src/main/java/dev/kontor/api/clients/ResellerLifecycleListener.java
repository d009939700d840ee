package dev.kontor.api.clients;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when a reseller is suspended or activated, inside the transaction of the change,
 * like {@link ClientLifecycleListener}. The subscriptions module places and lifts the
 * cascade holds of the reseller's clients' subscriptions here (S2); the clients
 * themselves stay as they are.
 */
@ConsumerType
public interface ResellerLifecycleListener {

    /** The reseller was suspended: its staff can no longer act, and its clients' services stop. */
    default void suspended(ResellerEvent event) {
    }

    /** The reseller's suspension was lifted: undo what {@link #suspended} did, nothing else. */
    default void activated(ResellerEvent event) {
    }
}
