package dev.kontor.clients.internal.reseller;

import dev.kontor.api.clients.ResellerLifecycleListener;
import dev.kontor.clients.internal.client.RankedServices;
import dev.kontor.api.module.ModuleGate;
import java.util.List;
import java.util.Map;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@link ResellerLifecycleListener} services (a whiteboard), in the order of {@link RankedServices}. */
@Component(service = ResellerListeners.class)
public class ResellerListeners {

    /** The module management's gate, when there is one: listeners of modules off for an organization are not told of it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModuleGate gate;

    private final RankedServices<ResellerLifecycleListener> listeners = new RankedServices<>(() -> gate);

    /** A listener of the module (null: of none), as DS binds one from the module's bundle. */
    void addListener(ResellerLifecycleListener listener, Map<String, Object> properties, String module) {
        listeners.add(listener, properties, module);
    }

    /** A listener of no module, never gated. */
    void addListener(ResellerLifecycleListener listener, Map<String, Object> properties) {
        listeners.add(listener, properties);
    }

    /** Bound by DS with the reference, whose bundle names the listener's module for the gate. */
    @Reference(name = "listener", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener", updated = "updatedListener")
    void bindListener(ServiceReference<ResellerLifecycleListener> reference, ResellerLifecycleListener listener, Map<String, Object> properties) {
        listeners.add(reference, listener, properties);
    }

    void updatedListener(ResellerLifecycleListener listener, Map<String, Object> properties) {
        listeners.update(listener, properties);
    }

    void removeListener(ResellerLifecycleListener listener, Map<String, Object> properties) {
        listeners.remove(properties);
    }

    /** The listeners now, in the order they are told. */
    public List<ResellerLifecycleListener> inOrder() {
        return listeners.inOrder();
    }

    /** The listeners of modules on for the reseller's organization, in the order they are told. */
    public List<ResellerLifecycleListener> inOrderFor(String organizationId) {
        return listeners.inOrderFor(organizationId);
    }
}
