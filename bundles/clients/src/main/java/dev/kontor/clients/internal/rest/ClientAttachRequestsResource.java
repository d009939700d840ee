package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.reseller.AttachRequests;
import dev.kontor.clients.internal.reseller.NewAttachRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
 * {@code POST /api/v1/clients/{id}/attach-requests}: a reseller's staff ask one of the
 * operator's clients, named by its id and one of its addresses, to join the reseller's
 * portfolio (C9). A root resource of its own: the longer path is matched before the
 * client resource's.
 */
@Component(service = ClientAttachRequestsResource.class)
@KontorResource
@Path("v1/clients/{id}/attach-requests")
@Produces(MediaType.APPLICATION_JSON)
public class ClientAttachRequestsResource {

    private final AttachRequests requests;

    @Activate
    public ClientAttachRequestsResource(@Reference AttachRequests requests) {
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.PARTNER)
    public Response request(@PathParam("id") String id, NewAttachRequest request, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(requests.request(Callers.of(security), id, request)).build();
    }
}
