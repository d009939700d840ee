package dev.kontor.users.internal.support;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Every request that support staff make through a support grant lands in the granting
 * organization's audit trail (U11), whichever module's resource answered it: the
 * caller acts in that organization and carries the source address, so the entry is
 * the organization's to read. Registered for the default application, where every
 * module's resources live; global, so it runs for refused requests too.
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("users.support-audit")
@JakartarsApplicationSelect("(osgi.jakartars.name=.default)")
public class SupportUseAudit implements ContainerResponseFilter {

    static final String ACTION = "users.support.used";

    private final Access access;
    private final Trail trail;

    @Activate
    public SupportUseAudit(@Reference Access access, @Reference AuditLog audit) {
        this.access = access;
        this.trail = new Trail(audit);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Optional<Caller> caller = Caller.of(request.getSecurityContext());
        if (caller.isEmpty() || caller.get().userId() == null || caller.get().organizationId() == null) {
            return;
        }
        // Cached per login and organization, so asking on every request costs no query.
        Optional<Access.Grant> grant = access.of(caller.get().userId(), caller.get().organizationId());
        if (grant.isPresent() && grant.get().viaSupport()) {
            // An entry that cannot be written fails the answer: no support use goes unrecorded.
            trail.record(caller.get(), caller.get().organizationId(), ACTION,
                    request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath(), outcome(response.getStatus()),
                    "grant " + String.join(" ", grant.get().supportGrants()));
        }
    }

    static AuditOutcome outcome(int status) {
        if (status == 401 || status == 403) {
            return AuditOutcome.DENIED;
        }
        return status < 400 ? AuditOutcome.SUCCESS : AuditOutcome.FAILED;
    }
}
