package dev.kontor.subscriptions.internal.provisioning;

import java.util.List;

/**
 * The answer to a retry of a subscription's provisioning.
 *
 * @param due how many owed deliveries were made due now
 * @param provisioning the subscription's provisioning entries after that
 */
public record ProvisioningRetry(String subscriptionId, int due, List<ProvisioningEntry> provisioning) {
}
