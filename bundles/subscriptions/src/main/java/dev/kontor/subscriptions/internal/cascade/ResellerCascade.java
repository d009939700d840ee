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
        int placed = 0;
        for (Client client : clients.ofReseller(event.resellerId())) {
            placed += holds.placeOnClient(client.id(), HoldReason.CASCADE_RESELLER, event.resellerId(), CascadeNotes.RESELLER,
                    note);
        }
        record(event, "subscriptions.cascade.placed", placed + " subscriptions held while the reseller is suspended", placed);
    }

    @Override
    public void activated(ResellerEvent event) {
        String note = CascadeNote.of("reseller activated", event.caller(), event.reason());
        int lifted = 0;
        for (String clientId : holds.clientsHeldBy(HoldReason.CASCADE_RESELLER, event.resellerId())) {
            lifted += holds.liftOnClient(clientId, HoldReason.CASCADE_RESELLER, event.resellerId(), note);
        }
        record(event, "subscriptions.cascade.lifted", lifted + " holds of the reseller's suspension lifted", lifted);
    }

    private void record(ResellerEvent event, String action, String detail, int count) {
        if (count > 0 && event.caller() != null) {
            audit.record(event.caller(), action, "reseller:" + event.resellerId(), AuditOutcome.SUCCESS, detail);
        }
    }
}
