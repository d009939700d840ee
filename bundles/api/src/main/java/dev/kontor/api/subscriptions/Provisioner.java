package dev.kontor.api.subscriptions;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle that runs real services for subscriptions (a web server's sites, mailboxes)
 * and must stop or restore them when a subscription's effective state changes (S3).
 * Register it as a service with {@link ProvisionerProperties}; the name keys what the
 * panel has delivered to it, so keep it stable across versions.
 *
 * <p>Delivery is at least once and after commit: every change of a subscription's
 * effective state or of its services is handed to every registered provisioner from a
 * background thread, in the order of {@link Provisioning#revision()} per subscription.
 * A subscription removed with its client is handed over once more, as terminated with
 * the services it had, to the provisioners known when it was removed. A call that throws
 * is retried with growing pauses; after the configured number of attempts the
 * subscription shows the provisioner as failing until a later attempt succeeds. A
 * provisioner registered later (or again) first receives the current state of every
 * subscription it has not seen at its latest revision (not subscriptions removed before
 * its first registration). So {@link #apply} must be
 * idempotent: told the same revision twice, it does nothing the second time.
 */
@ConsumerType
public interface Provisioner {

    /**
     * Brings the real services in line with the subscription's state and services: stop
     * serving when it is suspended or terminated, serve when it is active; services no
     * longer listed are no longer the subscription's.
     *
     * @throws Exception when that failed; the panel retries later
     */
    void apply(Provisioning provisioning) throws Exception;
}
