package dev.kontor.subscriptions.internal.provisioning;

import java.time.Instant;

/**
 * One row of the operator's provisioning list ({@code GET /api/v1/subscriptions/provisioning}).
 *
 * @param revision the subscription's state revision the provisioner is owed
 * @param deliveredRevision the revision it last took; null before the first
 * @param state {@code pending}, {@code delivered} or {@code failing}
 * @param lastError what the last failed attempt threw; null after a success
 * @param attempts failed attempts since the last success
 * @param lastAttemptAt when it was last tried; null before the first attempt
 * @param nextAttemptAt when it is tried next; null while nothing is owed
 * @param removed whether the subscription went with its client (C6): the provisioner is owed its terminated snapshot
 */
public record ProvisioningItem(String subscriptionId, String clientId, String provisioner, long revision,
        Long deliveredRevision, String state, String lastError, int attempts, Instant lastAttemptAt, Instant nextAttemptAt,
        boolean removed) {

    static ProvisioningItem of(ProvisioningRow row) {
        return new ProvisioningItem(row.subscriptionId(), row.clientId(), row.provisioner(), row.wantedRevision(),
                row.deliveredRevision(), row.state().wire(), row.lastError(), row.attempts(), row.lastAttemptAt(),
                row.nextAttemptAt(), row.removed());
    }
}
