package dev.kontor.clients.internal.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Constants;

/**
 * Services of one kind tracked from a whiteboard, as the listeners of this module are:
 * modules come and go while clients and resellers change, so the list changes at run
 * time. They are told in a fixed order, highest service ranking first, then by service id
 * (the order they registered in), so that a change runs the same way every time. Readers
 * get an immutable list that is swapped whole on every change.
 *
 * @param <T> the service type
 */
public final class RankedServices<T> {

    private final Comparator<Registered<T>> order = Comparator.<Registered<T>>comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::serviceId);
    private volatile List<Registered<T>> services = List.of();

    /** A service came, with its service properties. */
    public synchronized void add(T service, Map<String, Object> properties) {
        List<Registered<T>> changed = new ArrayList<>(services);
        changed.add(new Registered<>(service, ranking(properties), serviceId(properties)));
        changed.sort(order);
        services = List.copyOf(changed);
    }

    /** A service's properties changed: its ranking may have. */
    public synchronized void update(T service, Map<String, Object> properties) {
        remove(properties);
        add(service, properties);
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

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : 0L;
    }

    private record Registered<T>(T service, int ranking, long serviceId) {
    }
}
