package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontor.api.clients.ClientLifecycleListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class LifecycleListenersTest {

    private final LifecycleListeners listeners = new LifecycleListeners();

    @Test
    void listenersAreToldByRankingThenInTheOrderTheyRegistered() {
        ClientLifecycleListener first = new ClientLifecycleListener() { };
        ClientLifecycleListener ranked = new ClientLifecycleListener() { };
        ClientLifecycleListener later = new ClientLifecycleListener() { };
        ClientLifecycleListener unranked = new ClientLifecycleListener() { };

        listeners.addListener(later, properties(7L, 0));
        listeners.addListener(first, properties(3L, 0));
        listeners.addListener(ranked, properties(9L, 100));
        listeners.addListener(unranked, Map.of(Constants.SERVICE_ID, 1L));

        assertEquals(List.of(ranked, unranked, first, later), listeners.inOrder());
        listeners.removeListener(ranked, properties(9L, 100));
        listeners.updatedListener(unranked, properties(1L, -5));
        assertEquals(List.of(first, later, unranked), listeners.inOrder());
    }

    private static Map<String, Object> properties(long serviceId, int ranking) {
        return Map.of(Constants.SERVICE_ID, serviceId, Constants.SERVICE_RANKING, ranking);
    }
}
