package dev.kontor.audit.internal;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import java.time.Instant;
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
        store.append(new AuditEntry(Ids.newId("au"), Instant.now(), actor.userId(), actor.username(), actor.organizationId(),
                action, target, actor.sourceAddress(), outcome, detail));
    }

    @Override
    public void recordSystem(String organizationId, String action, String target, AuditOutcome outcome, String detail) {
        store.append(new AuditEntry(Ids.newId("au"), Instant.now(), SYSTEM_ACTOR, SYSTEM_ACTOR, organizationId, action,
                target, null, outcome, detail));
    }

    AuditStore store() {
        return store;
    }
}
