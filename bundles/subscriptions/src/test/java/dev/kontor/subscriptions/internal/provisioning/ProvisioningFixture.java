package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.subscriptions.Provisioner;
import dev.kontor.subscriptions.internal.subscription.NewHold;
import dev.kontor.subscriptions.internal.subscription.SubscriptionsFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subscriptions module of {@link SubscriptionsFixture} with provisioning: delivery
 * components (as many as panel nodes a test wants) over its database and clock. Their
 * poll interval is an hour, so what a test sees delivered was woken by a commit or by
 * the test itself, never by the timer.
 */
final class ProvisioningFixture implements AutoCloseable {

    static final String WEB = "test.webserver";
    /** Three attempts before failing; pauses 10 s, 20 s, then 60 s at most. */
    static final DeliverySettings SETTINGS = new DeliverySettings(3, Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ofMinutes(5));

    final SubscriptionsFixture base;
    final ProvisioningOverview overview;
    private final List<ProvisioningDelivery> deliveries = new ArrayList<>();
    private long serviceIds;

    ProvisioningFixture(DatabaseKind kind) {
        base = new SubscriptionsFixture(kind);
        overview = new ProvisioningOverview(base.database, base.audit, base.clock);
    }

    /** A delivery component as one panel node runs it. */
    ProvisioningDelivery delivery() {
        return delivery(SETTINGS);
    }

    ProvisioningDelivery delivery(DeliverySettings settings) {
        ProvisioningDelivery delivery = new ProvisioningDelivery(base.database, base.subscriptionDirectory, settings,
                base.clock);
        deliveries.add(delivery);
        return delivery;
    }

    /**
     * Registers the first provisioner of a name as SCR would, and waits until the delivery
     * has done its first round for the name (it is then known to the ledger).
     *
     * @return its service properties, to unregister it with
     */
    Map<String, Object> register(ProvisioningDelivery delivery, Provisioner provisioner, String name, int ranking) {
        Map<String, Object> properties = properties(name, ranking);
        delivery.addProvisioner(provisioner, properties);
        Eventually.until("the first round of " + name, () -> delivery.rounds(name) > 0);
        return properties;
    }

    Map<String, Object> properties(String name, int ranking) {
        return Map.of(ProvisionerServices.NAME, name, "service.ranking", ranking, "service.id", ++serviceIds);
    }

    /** Waits until the worker for the name has completed a whole round that started after this call. */
    static void fullRound(ProvisioningDelivery delivery, String name) {
        long seen = delivery.rounds(name);
        delivery.wakeAll();
        Eventually.until("a round of " + name, () -> delivery.rounds(name) > seen);
        delivery.wakeAll();
        Eventually.until("a second round of " + name, () -> delivery.rounds(name) > seen + 1);
    }

    /** The provisioner's entry in the subscription's JSON, as the operator sees it; null when it has none. */
    ProvisioningEntry entry(String subscriptionId, String name) {
        return base.read(subscriptionId).provisioning().stream().filter(entry -> entry.provisioner().equals(name)).findFirst()
                .orElse(null);
    }

    /** Suspends the subscription with an operator hold; the hold's id. */
    String suspend(String subscriptionId) {
        return base.holds.place(base.operator(), subscriptionId, new NewHold("operator", null, "test", null)).id();
    }

    void lift(String subscriptionId, String holdId) {
        base.holds.lift(base.operator(), subscriptionId, holdId, null);
    }

    @Override
    public void close() {
        deliveries.forEach(ProvisioningDelivery::stop);
        base.close();
    }
}
