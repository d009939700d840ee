package dev.kontor.clients.internal.client;

import dev.kontor.api.module.ModuleGate;
import dev.kontor.api.module.ModuleLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Services of one kind tracked from a whiteboard, as the listeners of this module are:
 * modules come and go while clients and resellers change, so the list changes at run
 * time. They are told in a fixed order, highest service ranking first, then by service id
 * (the order they registered in), so that a change runs the same way every time. Readers
 * get an immutable list that is swapped whole on every change.
 *
 * <p>A service of a module that the {@link ModuleGate} switched off for an organization is
 * left out of what concerns that organization; without a gate (or for a service of no
 * module) every service is told everything.
 *
 * @param <T> the service type
 */
public final class RankedServices<T> {

    private final Comparator<Registered<T>> order = Comparator.<Registered<T>>comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::serviceId);
    private volatile List<Registered<T>> services = List.of();
    private final AtomicReference<ModuleGate> gate = new AtomicReference<>();
    private final Supplier<ModuleGate> currentGate;

    /** Services gated by the gate bound through {@link #bindGate}. */
    public RankedServices() {
        this.currentGate = gate::get;
    }

    /** Services gated by whatever gate the supplier gives at the time (null: none). */
    public RankedServices(Supplier<ModuleGate> gate) {
        this.currentGate = gate;
    }

    /** A service came, with its service properties; of no module, so never gated. */
    public void add(T service, Map<String, Object> properties) {
        add(service, properties, null);
    }

    /** A service came from the bundle of the reference, whose module it belongs to. */
    public void add(ServiceReference<T> reference, T service, Map<String, Object> properties) {
        Bundle bundle = reference.getBundle();
        String module = bundle == null ? null : bundle.getHeaders("").get(ModuleLayout.HEADER);
        add(service, properties, module == null || module.isBlank() ? null : module.trim());
    }

    /** A service of the module came (null: of none). */
    public synchronized void add(T service, Map<String, Object> properties, String module) {
        List<Registered<T>> changed = new ArrayList<>(services);
        changed.add(new Registered<>(service, ranking(properties), serviceId(properties), module));
        changed.sort(order);
        services = List.copyOf(changed);
    }

    /** A service's properties changed: its ranking may have. */
    public synchronized void update(T service, Map<String, Object> properties) {
        String module = services.stream().filter(registered -> registered.serviceId() == serviceId(properties))
                .findFirst().map(Registered::module).orElse(null);
        remove(properties);
        add(service, properties, module);
    }

    /** A service went. */
    public synchronized void remove(Map<String, Object> properties) {
        long id = serviceId(properties);
        services = services.stream().filter(registered -> registered.serviceId() != id).toList();
    }

    /** The services now, in the order they are told. */
    public List<T> inOrder() {
        return services.stream().map(Registered::service).toList();
    }

    /** The services now whose module is on for the organization, in the order they are told. */
    public List<T> inOrderFor(String organizationId) {
        return services.stream().filter(registered -> enabled(registered, organizationId)).map(Registered::service).toList();
    }

    /**
     * Tells each service, in order, of the items that concern organizations its module is
     * on for; a service none of them concerns is not told at all.
     */
    public <E> void tellEach(List<E> items, Function<E, String> organizationOf, BiConsumer<T, List<E>> tell) {
        for (Registered<T> registered : services) {
            List<E> concerned = items.stream().filter(item -> enabled(registered, organizationOf.apply(item))).toList();
            if (!concerned.isEmpty()) {
                tell.accept(registered.service(), concerned);
            }
        }
    }

    /** The module management's gate came (the best ranked one, as DS binds it greedily). */
    public void bindGate(ModuleGate gate) {
        this.gate.set(gate);
    }

    /** A gate went; a better one bound before it stays. */
    public void unbindGate(ModuleGate gate) {
        this.gate.compareAndSet(gate, null);
    }

    private boolean enabled(Registered<T> registered, String organizationId) {
        ModuleGate current = currentGate.get();
        return current == null || registered.module() == null || current.isEnabled(registered.module(), organizationId);
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : 0L;
    }

    private record Registered<T>(T service, int ranking, long serviceId, String module) {
    }
}
