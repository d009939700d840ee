package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.ClientLifecycleListener;
import java.util.Map;
import org.osgi.framework.Constants;

/**
 * Registers a listener with the real clients module's whiteboard as the OSGi framework
 * would (its bind method is package-private, as DS wants it): for the subscriptions
 * module's tests, whose cascades the real client suspensions must reach.
 */
public final class ClientListenersForTests {

    private ClientListenersForTests() {
    }

    public static void register(LifecycleListeners whiteboard, ClientLifecycleListener listener, long serviceId) {
        whiteboard.addListener(listener, Map.of(Constants.SERVICE_RANKING, 0, Constants.SERVICE_ID, serviceId));
    }

    public static void unregister(LifecycleListeners whiteboard, ClientLifecycleListener listener, long serviceId) {
        whiteboard.removeListener(listener, Map.of(Constants.SERVICE_RANKING, 0, Constants.SERVICE_ID, serviceId));
    }
}
