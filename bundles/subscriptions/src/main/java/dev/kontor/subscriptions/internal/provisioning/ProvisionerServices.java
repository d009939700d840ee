package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.subscriptions.Provisioner;
import dev.kontor.api.subscriptions.ProvisionerProperties;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The registered {@link Provisioner} services by name. Two with the same name are one
 * provisioner (the ledger keys what was delivered by name): the one with the highest
 * service ranking is called, on a tie the older service. Thread-safe.
 */
final class ProvisionerServices {

    /** The service property naming a provisioner. */
    static final String NAME = ProvisionerProperties.PREFIX_ + "name";
    /** What a name may look like: namespaced by its author, {@code acme.webserver}; it fits the ledger's column. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Comparator<Bound> FIRST = Comparator.comparingInt(Bound::ranking).reversed()
            .thenComparingLong(Bound::serviceId).thenComparingLong(Bound::added);

    private final Map<String, TreeSet<Bound>> byName = new HashMap<>();
    private long added;

    /** The name a service's properties give, when it is a valid one. */
    static Optional<String> nameOf(Map<String, ?> properties) {
        return properties.get(NAME) instanceof String name && VALID_NAME.matcher(name).matches() ? Optional.of(name)
                : Optional.empty();
    }

    /**
     * Adds a service under its name.
     *
     * @return whether the name had no service before
     */
    synchronized boolean add(String name, Provisioner provisioner, Map<String, ?> properties) {
        TreeSet<Bound> bound = byName.computeIfAbsent(name, key -> new TreeSet<>(FIRST));
        bound.add(new Bound(provisioner, ranking(properties), serviceId(properties), ++added));
        return bound.size() == 1;
    }

    /**
     * Removes a service, under whatever name it was added.
     *
     * @return the name that has no service left because of this; empty when none
     */
    synchronized Optional<String> remove(Provisioner provisioner) {
        for (Map.Entry<String, TreeSet<Bound>> entry : byName.entrySet()) {
            if (entry.getValue().removeIf(bound -> bound.provisioner() == provisioner)) {
                if (!entry.getValue().isEmpty()) {
                    return Optional.empty();
                }
                byName.remove(entry.getKey());
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The service to call for the name now; empty once none is registered under it. */
    synchronized Optional<Provisioner> current(String name) {
        TreeSet<Bound> bound = byName.get(name);
        return bound == null || bound.isEmpty() ? Optional.empty() : Optional.of(bound.first().provisioner());
    }

    private static int ranking(Map<String, ?> properties) {
        return properties.get("service.ranking") instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties.get("service.id") instanceof Long id ? id : Long.MAX_VALUE;
    }

    /** @param added the order of adding: among services of equal ranking without ids, the first added wins */
    private record Bound(Provisioner provisioner, int ranking, long serviceId, long added) {
    }
}
