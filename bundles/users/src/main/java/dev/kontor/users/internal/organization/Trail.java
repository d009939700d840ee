package dev.kontor.users.internal.organization;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;

/**
 * Audit entries of this package's changes (who, what, target, from where: the caller
 * carries the source address). The entry lands in the caller's current organization;
 * when operator staff change another organization, the detail names it.
 */
final class Trail {

    private final AuditLog audit;

    Trail(AuditLog audit) {
        this.audit = audit;
    }

    void record(Caller caller, String organizationId, String action, String target, String detail) {
        String where = organizationId.equals(caller.organizationId()) ? "" : "in organization " + organizationId + "; ";
        audit.record(caller, action, target, AuditOutcome.SUCCESS, where + detail);
    }
}
