package dev.kontor.subscriptions.internal.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One provisioner's delivery of a subscription, as the subscription's JSON shows it to
 * staff ({@code "provisioning":[...]}).
 *
 * @param revision the subscription's state revision the provisioner is owed
 * @param deliveredRevision the revision it last took; null before the first
 * @param state {@code pending}, {@code delivered} or {@code failing}
 * @param lastError what the last failed attempt threw: the operator's staff only
 * @param attempts failed attempts since the last success
 */
public record ProvisioningEntry(String provisioner, long revision, Long deliveredRevision, String state,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lastError, int attempts) {

    static ProvisioningEntry of(ProvisioningRow row, boolean withError) {
        return new ProvisioningEntry(row.provisioner(), row.wantedRevision(), row.deliveredRevision(), row.state().wire(),
                withError ? row.lastError() : null, row.attempts());
    }
}
