package dev.kontor.subscriptions.internal.cascade;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.subscriptions.internal.subscription.CascadeNotes;
import dev.kontor.subscriptions.internal.subscription.HoldReason;
import dev.kontor.subscriptions.internal.subscription.Subscriptions;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a client's suspension, activation and removal do to its subscriptions (C4, C6,
 * S2), inside the transaction of the client's change: a {@code cascade_client} hold on
 * each subscription that is not terminated, lifting exactly those holds again, and
 * removing the subscriptions with the client.
 */
@Component(service = ClientLifecycleListener.class)
public class ClientCascade implements ClientLifecycleListener {

    private final SystemHolds holds;
    private final Subscriptions subscriptions;
    private final AuditLog audit;

    @Activate
    public ClientCascade(@Reference SystemHolds holds, @Reference Subscriptions subscriptions, @Reference AuditLog audit) {
        this.holds = holds;
        this.subscriptions = subscriptions;
        this.audit = audit;
    }

    @Override
    public void suspended(ClientEvent event) {
        String clientId = event.client().id();
        int placed = holds.placeOnClient(clientId, HoldReason.CASCADE_CLIENT, clientId, CascadeNotes.CLIENT,
                CascadeNote.of("client suspended", event.caller(), event.reason()));
        record(event, "subscriptions.cascade.placed", placed + " subscriptions held while the client is suspended", placed);
    }

    @Override
    public void activated(ClientEvent event) {
        String clientId = event.client().id();
        int lifted = holds.liftOnClient(clientId, HoldReason.CASCADE_CLIENT, clientId,
                CascadeNote.of("client activated", event.caller(), event.reason()));
        record(event, "subscriptions.cascade.lifted", lifted + " holds of the client's suspension lifted", lifted);
    }

    @Override
    public void removing(ClientEvent event) {
        subscriptions.removeOfClient(event.caller(), event.client().id());
    }

    @Override
    public Map<String, Long> removalPreview(String clientId) {
        return subscriptions.removalPreview(clientId);
    }

    private void record(ClientEvent event, String action, String detail, int count) {
        if (count > 0 && event.caller() != null) {
            audit.record(event.caller(), action, "client:" + event.client().id(), AuditOutcome.SUCCESS, detail);
        }
    }
}
