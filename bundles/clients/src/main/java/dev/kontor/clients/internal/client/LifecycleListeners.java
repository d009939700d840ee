package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.ClientLifecycleListener;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@link ClientLifecycleListener} services (a whiteboard), in the order of {@link RankedServices}. */
@Component(service = LifecycleListeners.class)
public class LifecycleListeners {

    private final RankedServices<ClientLifecycleListener> listeners = new RankedServices<>();

    /** Bound by DS; public so that tests and benchmarks outside this package wire listeners the same way. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        listeners.add(listener, properties);
    }

    public void updatedListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        listeners.update(listener, properties);
    }

    public void removeListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        listeners.remove(properties);
    }

    /** The listeners now, in the order they are told. */
    public List<ClientLifecycleListener> inOrder() {
        return listeners.inOrder();
    }
}
