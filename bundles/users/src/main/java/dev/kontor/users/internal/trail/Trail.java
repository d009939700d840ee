package dev.kontor.users.internal.trail;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.audit.AuditRecord;
import dev.kontor.api.security.Caller;
import java.util.List;
import java.util.Objects;

/**
 * How every area of this module writes the audit trail: an entry about an organization
 * lands in that organization's trail, the one its members read ({@code GET /api/v1/audit}
 * shows them the entries of their organization). That holds also when operator staff
 * administering every organization change another one from their own (U11, U13), and
 * when a login creates an organization: the entry then names the organization the actor
 * came from. The entry carries who acted and from which address (the caller's), and
 * joins the transaction the change runs in.
 */
public final class Trail {

    private final AuditLog audit;

    public Trail(AuditLog audit) {
        this.audit = audit;
    }

    /** A change the caller made in the organization. */
    public void record(Caller caller, String organizationId, String action, String target, String detail) {
        record(caller, organizationId, action, target, AuditOutcome.SUCCESS, detail);
    }

    /**
     * Something the caller did, or tried, in the organization.
     *
     * @param detail more for the reader, never secrets; may be null
     */
    public void record(Caller caller, String organizationId, String action, String target, AuditOutcome outcome,
            String detail) {
        audit.recordAll(List.of(entry(caller, organizationId, action, target, outcome, detail)));
    }

    /** Successful changes the caller made in many organizations at once, each in its organization's trail, in one batch. */
    public void recordAll(Caller caller, List<OrganizationChange> changes) {
        audit.recordAll(changes.stream().map(change -> entry(caller, change.organizationId(), change.action(), change.target(),
                AuditOutcome.SUCCESS, change.detail())).toList());
    }

    private static AuditRecord entry(Caller caller, String organizationId, String action, String target, AuditOutcome outcome,
            String detail) {
        if (Objects.equals(organizationId, caller.organizationId())) {
            return new AuditRecord(caller, action, target, outcome, detail);
        }
        String from = "acting from organization " + caller.organizationId();
        return new AuditRecord(Author.of(caller, organizationId), action, target, outcome,
                detail == null ? from : detail + "; " + from);
    }

    /** One change for {@link #recordAll}: in which organization, what, to what. */
    public record OrganizationChange(String organizationId, String action, String target, String detail) {
    }
}
