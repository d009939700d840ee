package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.partner.AccessRequest;
import dev.kontor.clients.internal.partner.AccessRequests;
import dev.kontor.clients.internal.partner.ClientGrants;
import dev.kontor.clients.internal.partner.PartnerClient;
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
 * {@code /api/v1/partner}: the partner's side (C7): the clients that granted its
 * organization access, to open (switch into) or disconnect, and its requests.
 */
@Component(service = PartnerClientsResource.class)
@KontorResource
@Path("v1/partner")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerClientsResource {

    private final ClientGrants grants;
    private final AccessRequests requests;

    @Activate
    public PartnerClientsResource(@Reference ClientGrants grants, @Reference AccessRequests requests) {
        this.grants = grants;
        this.requests = requests;
    }

    /** Every member may ask: each sees the clients its organization's grants let it act for. */
    @GET
    @Path("clients")
    public Page<PartnerClient> clients(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        return grants.ofPartner(Callers.of(security), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("access-requests")
    @RequiresPermission(ClientsPermissions.PARTNER)
    public Page<AccessRequest> accessRequests(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        return requests.ofPartner(Callers.of(security), PageRequest.of(limit, cursor));
    }
}
