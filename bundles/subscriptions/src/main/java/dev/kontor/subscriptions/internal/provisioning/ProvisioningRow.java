package dev.kontor.subscriptions.internal.provisioning;

import java.time.Instant;

/**
 * One row of the ledger: what a provisioner is owed of a subscription and what it took.
 *
 * @param clientId the subscription's client; null where the reading did not ask for it
 * @param wantedRevision the subscription's state revision the provisioner is owed
 * @param deliveredRevision the revision it last took without an error; null before the first
 * @param attempts failed attempts since the last success
 * @param nextAttemptAt when the next attempt is due; null while nothing is owed
 * @param lastAttemptAt when it was last tried; null before the first attempt
 * @param lastError what the last failed attempt threw; null after a success
 * @param removed whether the subscription went with its client (C6): what is owed is its terminated snapshot
 */
record ProvisioningRow(String provisioner, String subscriptionId, String clientId, long wantedRevision, Long deliveredRevision,
        int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError, boolean failing, boolean removed) {

    DeliveryState state() {
        if (failing) {
            return DeliveryState.FAILING;
        }
        return deliveredRevision != null && deliveredRevision >= wantedRevision ? DeliveryState.DELIVERED
                : DeliveryState.PENDING;
    }
}
