package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.subscriptions.Provisioning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test provisioners were told, across all of them (two panel nodes' copies of
 * one provisioner share one): every call, the successful ones per subscription in order,
 * and whether two calls for one subscription ever overlapped.
 */
final class Deliveries {

    private final Map<String, List<Provisioning>> applied = new HashMap<>(); // guarded by this
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();

    void began(Provisioning provisioning) {
        calls.incrementAndGet();
        if (!inFlight.add(provisioning.subscription().id())) {
            overlaps.incrementAndGet();
        }
    }

    synchronized void applied(Provisioning provisioning) {
        applied.computeIfAbsent(provisioning.subscription().id(), id -> new ArrayList<>()).add(provisioning);
    }

    void ended(Provisioning provisioning) {
        inFlight.remove(provisioning.subscription().id());
    }

    /** Every call so far, successful or not. */
    int calls() {
        return calls.get();
    }

    /** How often a call for a subscription began while another for it was running. */
    int overlaps() {
        return overlaps.get();
    }

    /** The revisions the subscription was applied at, in the order of the calls. */
    synchronized List<Long> revisionsOf(String subscriptionId) {
        return applied.getOrDefault(subscriptionId, List.of()).stream().map(Provisioning::revision).toList();
    }

    /** The last successful call for the subscription. */
    synchronized Optional<Provisioning> last(String subscriptionId) {
        List<Provisioning> list = applied.getOrDefault(subscriptionId, List.of());
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** The subscriptions applied at least once. */
    synchronized Set<String> subscriptions() {
        return Set.copyOf(applied.keySet());
    }
}
