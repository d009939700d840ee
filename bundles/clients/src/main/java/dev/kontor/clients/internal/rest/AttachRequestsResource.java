package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.reseller.AttachRequest;
import dev.kontor.clients.internal.reseller.AttachRequests;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/attach-requests}: resellers' requests that a client join their portfolio
 * (C9), as the operator (all), the reseller (those it sent) and the client's owner (those
 * to its organization, to accept or decline) see them.
 */
@Component(service = AttachRequestsResource.class)
@KontorResource
@Path("v1/attach-requests")
@Produces(MediaType.APPLICATION_JSON)
public class AttachRequestsResource {

    private final AttachRequests requests;

    @Activate
    public AttachRequestsResource(@Reference AttachRequests requests) {
        this.requests = requests;
    }

    @GET
    public Page<AttachRequest> list(@QueryParam("state") String state, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return requests.list(Callers.of(security), state, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("{id}/accept")
    @RequiresPermission(ClientsPermissions.ACCESS)
    public AttachRequest accept(@PathParam("id") String id, @Context SecurityContext security) {
        return requests.accept(Callers.of(security), id);
    }

    @POST
    @Path("{id}/decline")
    @RequiresPermission(ClientsPermissions.ACCESS)
    public AttachRequest decline(@PathParam("id") String id, @Context SecurityContext security) {
        return requests.decline(Callers.of(security), id);
    }
}
