package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.partner.AccessAnswer;
import dev.kontor.clients.internal.partner.AccessRequest;
import dev.kontor.clients.internal.partner.AccessRequests;
import dev.kontor.clients.internal.partner.Grant;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/access-requests/{id}/accept} and {@code .../decline}: the client's owner
 * answers a partner's request (C7). A second answer is refused ({@code request-answered}).
 */
@Component(service = AccessAnswersResource.class)
@KontorResource
@Path("v1/access-requests")
@Produces(MediaType.APPLICATION_JSON)
public class AccessAnswersResource {

    private final AccessRequests requests;

    @Activate
    public AccessAnswersResource(@Reference AccessRequests requests) {
        this.requests = requests;
    }

    /** Full access needs no body; partial access {@code {"products":[module ids]}}. Answers the grant given. */
    @POST
    @Path("{id}/accept")
    @RequiresPermission(ClientsPermissions.ACCESS)
    public Grant accept(@PathParam("id") String id, AccessAnswer answer, @Context SecurityContext security) {
        return requests.accept(Callers.of(security), id, answer);
    }

    @POST
    @Path("{id}/decline")
    @RequiresPermission(ClientsPermissions.ACCESS)
    public AccessRequest decline(@PathParam("id") String id, @Context SecurityContext security) {
        return requests.decline(Callers.of(security), id);
    }
}
