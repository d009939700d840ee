package dev.kontor.subscriptions.internal.cascade;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientDirectory;
import dev.kontor.api.clients.ResellerEvent;
import dev.kontor.api.clients.ResellerLifecycleListener;
import dev.kontor.subscriptions.internal.subscription.CascadeNotes;
import dev.kontor.subscriptions.internal.subscription.HoldReason;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a reseller's suspension and activation do to its clients' subscriptions (S2),
 * inside the transaction of the reseller's change: a {@code cascade_reseller} hold on
 * each subscription of each of its clients that is not terminated, and lifting exactly
 * those holds again (also on clients that have left the reseller meanwhile).
 */
@Component(service = ResellerLifecycleListener.class)
public class ResellerCascade implements ResellerLifecycleListener {

    private final SystemHolds holds;
    private final ClientDirectory clients;
    private final AuditLog audit;

    @Activate
    public ResellerCascade(@Reference SystemHolds holds, @Reference ClientDirectory clients, @Reference AuditLog audit) {
        this.holds = holds;
        this.clients = clients;
        this.audit = audit;
    }

    @Override
    public void suspended(ResellerEvent event) {
        String note = CascadeNote.of("reseller suspended", event.caller(), event.reason());
        List<String> clientIds = clients.ofReseller(event.resellerId()).stream().map(Client::id).toList();
        int placed = sum(holds.placeOnClients(clientIds, HoldReason.CASCADE_RESELLER, client -> event.resellerId(),
                CascadeNotes.RESELLER, note));
        record(event, "subscriptions.cascade.placed", placed + " subscriptions held while the reseller is suspended", placed);
    }

    @Override
    public void activated(ResellerEvent event) {
        String note = CascadeNote.of("reseller activated", event.caller(), event.reason());
        Set<String> clientIds = holds.clientsHeldBy(HoldReason.CASCADE_RESELLER, event.resellerId());
        int lifted = sum(holds.liftOnClients(clientIds, HoldReason.CASCADE_RESELLER, client -> event.resellerId(), note));
        record(event, "subscriptions.cascade.lifted", lifted + " holds of the reseller's suspension lifted", lifted);
    }

    private static int sum(Map<String, Integer> byClient) {
        return byClient.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void record(ResellerEvent event, String action, String detail, int count) {
        if (count > 0 && event.caller() != null) {
            audit.record(event.caller(), action, "reseller:" + event.resellerId(), AuditOutcome.SUCCESS, detail);
        }
    }
}
