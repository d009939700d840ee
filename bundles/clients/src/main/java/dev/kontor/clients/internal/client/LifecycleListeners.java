package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.module.ModuleGate;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@link ClientLifecycleListener} services (a whiteboard), in the order of {@link RankedServices}. */
@Component(service = LifecycleListeners.class)
public class LifecycleListeners {

    private final RankedServices<ClientLifecycleListener> listeners = new RankedServices<>();

    /** A listener of no module, never gated; public so that tests and benchmarks outside this package wire listeners. */
    public void addListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        listeners.add(listener, properties);
    }

    /** A listener of the module, as DS binds one from the module's bundle. */
    public void addListener(ClientLifecycleListener listener, Map<String, Object> properties, String module) {
        listeners.add(listener, properties, module);
    }

    /** Bound by DS with the reference, whose bundle names the listener's module for the gate. */
    @Reference(name = "listener", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener", updated = "updatedListener")
    void bindListener(ServiceReference<ClientLifecycleListener> reference, ClientLifecycleListener listener, Map<String, Object> properties) {
        listeners.add(reference, listener, properties);
    }

    public void updatedListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        listeners.update(listener, properties);
    }

    public void removeListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        listeners.remove(properties);
    }

    /** The module management's gate, when there is one: listeners of modules off for an organization are not told of it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindGate(ModuleGate gate) {
        listeners.bindGate(gate);
    }

    /** The gate went; one bound in its place before stays. */
    public void unbindGate(ModuleGate gate) {
        listeners.unbindGate(gate);
    }

    /** The listeners now, in the order they are told. */
    public List<ClientLifecycleListener> inOrder() {
        return listeners.inOrder();
    }

    /** The listeners of modules on for the client's organization, in the order they are told. */
    public List<ClientLifecycleListener> inOrderFor(String organizationId) {
        return listeners.inOrderFor(organizationId);
    }

    /** Tells each listener of the events of clients whose organization has its module on (none: it is not told). */
    public void tellEach(List<ClientEvent> events, BiConsumer<ClientLifecycleListener, List<ClientEvent>> tell) {
        listeners.tellEach(events, event -> event.client().organizationId(), tell);
    }
}
