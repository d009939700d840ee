package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.subscriptions.Provisioning;
import dev.kontor.api.subscriptions.Subscription;

/**
 * A delivery one worker has taken under its lease: the subscription as it is now.
 *
 * @param revision the subscription's state revision, read before the subscription, so
 *        never newer than the state handed over: a later change is delivered again
 * @param attempts failed attempts before this one
 * @param removed whether the subscription went with its client (C6) and this is its terminated snapshot
 */
record Claim(String provisioner, Subscription subscription, long revision, int attempts, boolean removed) {

    String subscriptionId() {
        return subscription.id();
    }

    Provisioning provisioning() {
        return new Provisioning(subscription, revision);
    }
}
