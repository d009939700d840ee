package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.clients.ResellerEvent;
import dev.kontor.api.clients.ResellerLifecycleListener;
import java.util.Set;

/** A listener that fails for chosen clients or resellers (all when none are chosen), as a broken module would. */
public final class FailingListener implements ClientLifecycleListener, ResellerLifecycleListener {

    private final Set<String> ids;

    public FailingListener(String... ids) {
        this.ids = Set.of(ids);
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

    @Override
    public void suspended(ResellerEvent event) {
        fail(event.resellerId());
    }

    @Override
    public void activated(ResellerEvent event) {
        fail(event.resellerId());
    }

    private void fail(ClientEvent event) {
        fail(event.client().id());
    }

    private void fail(String id) {
        if (ids.isEmpty() || ids.contains(id)) {
            throw new IllegalStateException("The listener failed for " + id);
        }
    }
}
