package dev.kontor.audit.internal;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/audit}: the entries the caller may read, newest first. Members see
 * their own organization's; operators see everything or one organization's
 * ({@code organization_id}). {@code q} keeps actions starting with it. There is no
 * method that changes entries.
 */
@Component(service = AuditResource.class)
@KontorResource
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditStore store;

    @Activate
    public AuditResource(@Reference AuditLogService log) {
        this.store = log.store();
    }

    @GET
    @RequiresPermission(AuditPermissions.VIEW)
    public Page<AuditEntry> list(@Context SecurityContext security, @QueryParam("q") String q,
            @QueryParam("organization_id") String organizationId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Caller caller = Caller.of(security).orElseThrow();
        String scope = caller.isOperator() ? blankToNull(organizationId) : caller.organizationId();
        return store.page(scope, blankToNull(q), PageRequest.of(limit, cursor));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
