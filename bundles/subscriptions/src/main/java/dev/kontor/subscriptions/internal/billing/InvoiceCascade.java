package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.storage.Database;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A client's invoices go with the client (C6), like its subscriptions, inside the
 * transaction of the removal; the confirmation counts them.
 */
@Component(service = ClientLifecycleListener.class)
public class InvoiceCascade implements ClientLifecycleListener {

    private final Database database;
    private final AuditLog audit;

    @Activate
    public InvoiceCascade(@Reference Database database, @Reference AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public void removing(ClientEvent event) {
        String clientId = event.client().id();
        int removed = database.inTransaction(connection -> InvoiceStore.deleteOfClient(connection, clientId));
        if (removed > 0 && event.caller() != null) {
            audit.record(event.caller(), "subscriptions.invoice.removed", "client:" + clientId, AuditOutcome.SUCCESS,
                    removed + " invoices with their client");
        }
    }

    @Override
    public Map<String, Long> removalPreview(String clientId) {
        return Map.of("invoices", database.inTransaction(connection -> InvoiceStore.countOfClient(connection, clientId)));
    }
}
