package dev.kontor.subscriptions.internal.cascade;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.audit.AuditRecord;
import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.subscriptions.internal.subscription.CascadeNotes;
import dev.kontor.subscriptions.internal.subscription.HoldReason;
import dev.kontor.subscriptions.internal.subscription.Subscriptions;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
        suspendedAll(List.of(event));
    }

    @Override
    public void activated(ClientEvent event) {
        activatedAll(List.of(event));
    }

    /** The holds of a bulk suspension (C3) in a few statements for all the clients that share the note. */
    @Override
    public void suspendedAll(List<ClientEvent> events) {
        byNote(events, "client suspended").forEach((note, group) -> {
            Map<String, Integer> placed = holds.placeOnClients(group.keySet(), HoldReason.CASCADE_CLIENT,
                    UnaryOperator.identity(), CascadeNotes.CLIENT, note);
            record(group, placed, "subscriptions.cascade.placed", " subscriptions held while the client is suspended");
        });
    }

    @Override
    public void activatedAll(List<ClientEvent> events) {
        byNote(events, "client activated").forEach((note, group) -> {
            Map<String, Integer> lifted = holds.liftOnClients(group.keySet(), HoldReason.CASCADE_CLIENT,
                    UnaryOperator.identity(), note);
            record(group, lifted, "subscriptions.cascade.lifted", " holds of the client's suspension lifted");
        });
    }

    @Override
    public void removing(ClientEvent event) {
        subscriptions.removeOfClient(event.caller(), event.client().id());
    }

    @Override
    public Map<String, Long> removalPreview(String clientId) {
        return subscriptions.removalPreview(clientId);
    }

    /** The events by the internal note their holds carry (who, why), each group's events by client id. */
    private static Map<String, Map<String, ClientEvent>> byNote(List<ClientEvent> events, String what) {
        Map<String, Map<String, ClientEvent>> groups = new LinkedHashMap<>();
        for (ClientEvent event : events) {
            groups.computeIfAbsent(CascadeNote.of(what, event.caller(), event.reason()), note -> new LinkedHashMap<>())
                    .put(event.client().id(), event);
        }
        return groups;
    }

    /** One audit entry per client whose subscriptions changed, by whoever changed the client. */
    private void record(Map<String, ClientEvent> events, Map<String, Integer> counts, String action, String detail) {
        List<AuditRecord> entries = new ArrayList<>();
        counts.forEach((clientId, count) -> {
            ClientEvent event = events.get(clientId);
            if (event.caller() != null) {
                entries.add(new AuditRecord(event.caller(), action, "client:" + clientId, AuditOutcome.SUCCESS, count + detail));
            }
        });
        audit.recordAll(entries);
    }
}
