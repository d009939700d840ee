package dev.kontor.api.audit;

import dev.kontor.api.security.Caller;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appends to the audit trail. Inside a transaction of {@code Database} the entry joins
 * it, so the change and its entry commit or vanish together; outside one (a refused
 * request, say) the entry is written on its own. Nothing edits or deletes entries.
 */
@ProviderType
public interface AuditLog {

    /**
     * Records what a caller did.
     *
     * @param action namespaced verb, e.g. {@code clients.suspend}
     * @param target what it was done to, e.g. {@code client:cl_7f3a}
     * @param detail more for the reader, never secrets; may be null
     */
    void record(Caller actor, String action, String target, AuditOutcome outcome, String detail);

    /**
     * Records many entries at once, in order, like {@link #record} each: what a bulk
     * action uses so that ten thousand changes cost a few statements, not ten thousand.
     *
     * @since 1.1
     */
    default void recordAll(List<AuditRecord> records) {
        records.forEach(entry -> record(entry.actor(), entry.action(), entry.target(), entry.outcome(), entry.detail()));
    }

    /** Records what the panel did by itself (a scheduled job), in an organization. */
    void recordSystem(String organizationId, String action, String target, AuditOutcome outcome, String detail);
}
