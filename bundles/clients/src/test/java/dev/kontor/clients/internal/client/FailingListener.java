package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import java.util.Set;

/** A listener that fails for chosen clients (all when none are chosen), as a broken module would. */
final class FailingListener implements ClientLifecycleListener {

    private final Set<String> clientIds;

    FailingListener(String... clientIds) {
        this.clientIds = Set.of(clientIds);
    }

    @Override
    public void suspended(ClientEvent event) {
        fail(event);
    }

    @Override
    public void activated(ClientEvent event) {
        fail(event);
    }

    @Override
    public void removing(ClientEvent event) {
        fail(event);
    }

    private void fail(ClientEvent event) {
        if (clientIds.isEmpty() || clientIds.contains(event.client().id())) {
            throw new IllegalStateException("The listener failed for " + event.client().id());
        }
    }
}
