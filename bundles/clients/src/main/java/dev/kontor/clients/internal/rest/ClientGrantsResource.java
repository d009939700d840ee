package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.partner.ClientGrants;
import dev.kontor.clients.internal.partner.EmailCopyChange;
import dev.kontor.clients.internal.partner.Grant;
import dev.kontor.clients.internal.partner.StaffChange;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/clients/{id}/grants}: the grants between a client and its partners
 * (C7, C8, C10). The client's owners see and revoke them; the partner sees its own,
 * disconnects, switches e-mail copies and assigns its staff.
 */
@Component(service = ClientGrantsResource.class)
@KontorResource
@Path("v1/clients/{id}/grants")
@Produces(MediaType.APPLICATION_JSON)
public class ClientGrantsResource {

    private final ClientGrants grants;

    @Activate
    public ClientGrantsResource(@Reference ClientGrants grants) {
        this.grants = grants;
    }

    @GET
    public Page<Grant> list(@PathParam("id") String clientId, @Context SecurityContext security) {
        return grants.ofClient(Callers.of(security), clientId);
    }

    /** Revoke (the client's owner) or disconnect (the partner): either side ends it, at once. */
    @DELETE
    @Path("{grant}")
    public Response end(@PathParam("id") String clientId, @PathParam("grant") String grantId,
            @Context SecurityContext security) {
        grants.end(Callers.of(security), clientId, grantId);
        return Response.noContent().build();
    }

    @PUT
    @Path("{grant}/email-copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.PARTNER)
    public Grant emailCopy(@PathParam("id") String clientId, @PathParam("grant") String grantId, EmailCopyChange change,
            @Context SecurityContext security) {
        return grants.emailCopy(Callers.of(security), clientId, grantId, change);
    }

    @PUT
    @Path("{grant}/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.PARTNER)
    public Grant staff(@PathParam("id") String clientId, @PathParam("grant") String grantId, StaffChange change,
            @Context SecurityContext security) {
        return grants.staff(Callers.of(security), clientId, grantId, change);
    }
}
