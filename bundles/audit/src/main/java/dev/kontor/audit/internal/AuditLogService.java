package dev.kontor.audit.internal;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.audit.AuditRecord;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link AuditLog} of the panel, over the {@code audit_entry} table. */
@Component(service = {AuditLog.class, AuditLogService.class})
public class AuditLogService implements AuditLog {

    static final String SYSTEM_ACTOR = "system";
    private final AuditStore store;

    @Activate
    public AuditLogService(@Reference Database database) {
        this.store = new AuditStore(database);
    }

    @Override
    public void record(Caller actor, String action, String target, AuditOutcome outcome, String detail) {
        recordAll(List.of(new AuditRecord(actor, action, target, outcome, detail)));
    }

    /** One batch of inserts, in the caller's transaction. */
    @Override
    public void recordAll(List<AuditRecord> records) {
        Instant now = Instant.now();
        store.append(records.stream().map(entry -> new AuditEntry(Ids.newId("au"), now, entry.actor().userId(),
                entry.actor().username(), entry.actor().organizationId(), entry.action(), entry.target(),
                entry.actor().sourceAddress(), entry.outcome(), entry.detail())).toList());
    }

    @Override
    public void recordSystem(String organizationId, String action, String target, AuditOutcome outcome, String detail) {
        store.append(List.of(new AuditEntry(Ids.newId("au"), Instant.now(), SYSTEM_ACTOR, SYSTEM_ACTOR, organizationId, action,
                target, null, outcome, detail)));
    }

    AuditStore store() {
        return store;
    }
}
