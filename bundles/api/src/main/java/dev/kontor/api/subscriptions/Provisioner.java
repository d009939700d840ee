package dev.kontor.api.subscriptions;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle that runs real services for subscriptions (a web server's sites, mailboxes)
 * and must stop or restore them when a subscription's effective state changes (S3).
 * Register it as a service with {@link ProvisionerProperties}; the name keys what the
 * panel has delivered to it, so keep it stable across versions.
 *
 * <p>Delivery is at least once and after commit: every change of a subscription's
 * effective state is handed to every registered provisioner from a background thread,
 * in the order of {@link Provisioning#revision()} per subscription. A call that throws
 * is retried with growing pauses; after the configured number of attempts the
 * subscription shows the provisioner as failing until a later attempt succeeds. A
 * provisioner registered later (or again) first receives the current state of every
 * subscription it has not seen at its latest revision. So {@link #apply} must be
 * idempotent: told the same revision twice, it does nothing the second time.
 */
@ConsumerType
public interface Provisioner {

    /**
     * Brings the real services in line with the subscription's state: stop serving when
     * it is suspended or terminated, serve when it is active.
     *
     * @throws Exception when that failed; the panel retries later
     */
    void apply(Provisioning provisioning) throws Exception;
}
