package dev.kontor.audit.internal;

import dev.kontor.api.audit.AuditOutcome;
import java.time.Instant;

/** One entry of the audit trail as the API shows it. */
public record AuditEntry(String id, Instant at, String actorId, String actorName, String organizationId, String action,
        String target, String sourceAddress, AuditOutcome outcome, String detail) {
}
