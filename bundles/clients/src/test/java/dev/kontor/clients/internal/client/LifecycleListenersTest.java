package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.module.ModuleGate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

/** The whiteboard of client lifecycle listeners: its order, and the module gate in front of each listener. */
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

    @Test
    void listenerOfAModuleOffForTheClientsOrganizationIsNotToldAndOthersAre() {
        List<String> told = new java.util.ArrayList<>();
        listeners.addListener(recording("hello", told), properties(1L, 0), "hello");
        listeners.addListener(recording("panel", told), properties(2L, 0));
        listeners.bindGate(offFor("hello", "org-a"));

        listeners.tellEach(List.of(event("cl-a1", "org-a"), event("cl-b1", "org-b"), event("cl-a2", "org-a")),
                (listener, events) -> events.forEach(listener::suspended));

        assertEquals(List.of("hello:cl-b1", "panel:cl-a1", "panel:cl-b1", "panel:cl-a2"), told);
        assertEquals(1, listeners.inOrderFor("org-a").size(), "the preview and removal ask the same");
        assertEquals(2, listeners.inOrderFor("org-b").size());
    }

    @Test
    void withoutAGateEveryListenerIsToldOfEveryClient() {
        List<String> told = new java.util.ArrayList<>();
        ModuleGate gate = offFor("hello", "org-a");
        listeners.addListener(recording("hello", told), properties(1L, 0), "hello");
        listeners.bindGate(gate);
        listeners.unbindGate(gate);

        listeners.tellEach(List.of(event("cl-a1", "org-a")), (listener, events) -> events.forEach(listener::suspended));

        assertEquals(List.of("hello:cl-a1"), told);
    }

    @Test
    void listenerNoEventConcernsIsNotToldAtAll() {
        List<List<ClientEvent>> batches = new java.util.ArrayList<>();
        listeners.addListener(new ClientLifecycleListener() {
            @Override
            public void suspendedAll(List<ClientEvent> events) {
                batches.add(events);
            }
        }, properties(1L, 0), "hello");
        listeners.bindGate(offFor("hello", "org-a"));

        listeners.tellEach(List.of(event("cl-a1", "org-a")), ClientLifecycleListener::suspendedAll);

        assertEquals(List.of(), batches);
    }

    /** A module management's gate with one module off for one organization. */
    private static ModuleGate offFor(String module, String organizationId) {
        return new ModuleGate() {
            @Override
            public boolean isEnabled(String moduleId, String organization) {
                return !(moduleId.equals(module) && organization.equals(organizationId));
            }

            @Override
            public boolean isEnabledForPanel(String moduleId) {
                return true;
            }
        };
    }

    private static ClientLifecycleListener recording(String name, List<String> told) {
        return new ClientLifecycleListener() {
            @Override
            public void suspended(ClientEvent event) {
                told.add(name + ":" + event.client().id());
            }
        };
    }

    private static ClientEvent event(String clientId, String organizationId) {
        return new ClientEvent(null, new Client(clientId, organizationId, "Client " + clientId, null, false), null);
    }

    private static Map<String, Object> properties(long serviceId, int ranking) {
        return Map.of(Constants.SERVICE_ID, serviceId, Constants.SERVICE_RANKING, ranking);
    }
}
