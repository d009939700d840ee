package dev.kontor.clients.internal.reseller;

import dev.kontor.api.clients.ResellerLifecycleListener;
import dev.kontor.clients.internal.client.RankedServices;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@link ResellerLifecycleListener} services (a whiteboard), in the order of {@link RankedServices}. */
@Component(service = ResellerListeners.class)
public class ResellerListeners {

    private final RankedServices<ResellerLifecycleListener> listeners = new RankedServices<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(ResellerLifecycleListener listener, Map<String, Object> properties) {
        listeners.add(listener, properties);
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
}
