package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.subscriptions.SubscriptionState;

/**
 * A change of a subscription's effective state, as {@link EffectiveState} made it.
 *
 * @param revision the subscription's state revision after the change
 */
public record StateChange(String subscriptionId, SubscriptionState from, SubscriptionState to, long revision) {
}
