package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.ClientLifecycleListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link ClientLifecycleListener} services (a whiteboard): modules come and go while
 * clients change, so they are tracked dynamically. They are told in a fixed order,
 * highest service ranking first, then by service id (the order they registered in), so
 * that a change runs the same way every time. Readers get an immutable list that is
 * swapped whole on every change.
 */
@Component(service = LifecycleListeners.class)
public class LifecycleListeners {

    private static final Comparator<Registered> ORDER = Comparator.comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::serviceId);

    private volatile List<Registered> listeners = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        List<Registered> changed = new ArrayList<>(listeners);
        changed.add(new Registered(listener, ranking(properties), serviceId(properties)));
        changed.sort(ORDER);
        listeners = List.copyOf(changed);
    }

    synchronized void updatedListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        removeListener(listener, properties);
        addListener(listener, properties);
    }

    synchronized void removeListener(ClientLifecycleListener listener, Map<String, Object> properties) {
        long id = serviceId(properties);
        listeners = listeners.stream().filter(registered -> registered.serviceId() != id).toList();
    }

    /** The listeners now, in the order they are told. */
    public List<ClientLifecycleListener> inOrder() {
        return listeners.stream().map(Registered::listener).toList();
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : 0L;
    }

    private record Registered(ClientLifecycleListener listener, int ranking, long serviceId) {
    }
}
