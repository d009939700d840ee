package dev.kontor.users.internal.support;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;
import java.util.Locale;

/**
 * Audit entries about access to an organization land in that organization's trail,
 * also when operator staff made the change from their own organization: who opened
 * an organization to support staff or to a machine client is the organization's
 * business to read (U11, U13). The detail then names where the actor came from.
 */
public final class TargetTrail {

    private TargetTrail() {
    }

    public static void record(AuditLog audit, Caller caller, String organizationId, String action, String target, String detail) {
        if (organizationId.equals(caller.organizationId())) {
            audit.record(caller, action, target, AuditOutcome.SUCCESS, detail);
        } else {
            String from = "by operator staff from organization " + caller.organizationId();
            audit.record(new InOrganization(caller, organizationId), action, target, AuditOutcome.SUCCESS,
                    detail == null ? from : detail + "; " + from);
        }
    }

    /** The actor as the target organization's trail shows it: everything as it is but the organization. */
    private record InOrganization(Caller actor, String organizationId) implements Caller {

        @Override
        public String getName() {
            return actor.getName();
        }

        @Override
        public String userId() {
            return actor.userId();
        }

        @Override
        public String username() {
            return actor.username();
        }

        @Override
        public Locale locale() {
            return actor.locale();
        }

        @Override
        public boolean has(String permission) {
            return false; // only an author of an entry, never asked for permissions
        }

        @Override
        public String sourceAddress() {
            return actor.sourceAddress();
        }

        @Override
        public boolean isOperator() {
            return actor.isOperator();
        }
    }
}
