package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.partner.AccessRequest;
import dev.kontor.clients.internal.partner.AccessRequests;
import dev.kontor.clients.internal.partner.NewAccessRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/clients/{id}/access-requests} (C7): a partner asks the client for access;
 * the client's owners, and the partner for its own, list the requests. Who is who is
 * {@code Partners}' rule, applied by {@link AccessRequests}.
 */
@Component(service = AccessRequestsResource.class)
@KontorResource
@Path("v1/clients/{id}/access-requests")
@Produces(MediaType.APPLICATION_JSON)
public class AccessRequestsResource {

    private final AccessRequests requests;

    @Activate
    public AccessRequestsResource(@Reference AccessRequests requests) {
        this.requests = requests;
    }

    /** The client's owners see every request to it; a partner its own (C7). */
    @GET
    public Page<AccessRequest> list(@PathParam("id") String clientId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return requests.ofClient(Callers.of(security), clientId, PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.PARTNER)
    public Response request(@PathParam("id") String clientId, NewAccessRequest request, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(requests.request(Callers.of(security), clientId, request))
                .build();
    }
}
