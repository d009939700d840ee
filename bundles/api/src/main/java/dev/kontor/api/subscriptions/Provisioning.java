package dev.kontor.api.subscriptions;

/**
 * What a {@link Provisioner} is told: a subscription as it is now.
 *
 * @param subscription the subscription with its effective state and services
 * @param revision grows with every change of the subscription's effective state or of
 *        its services, so a provisioner can recognise a repeated delivery
 */
public record Provisioning(Subscription subscription, long revision) {
}
