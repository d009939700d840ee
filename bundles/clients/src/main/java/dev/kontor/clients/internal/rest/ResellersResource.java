package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.reseller.Reason;
import dev.kontor.clients.internal.reseller.Reseller;
import dev.kontor.clients.internal.reseller.Resellers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * {@code /api/v1/resellers}: the operator's view of the resellers (C9), with client
 * counts; suspending and activating one, ending a reseller status.
 */
@Component(service = ResellersResource.class)
@KontorResource
@Path("v1/resellers")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(ClientsPermissions.RESELLERS)
public class ResellersResource {

    private final Resellers resellers;

    @Activate
    public ResellersResource(@Reference Resellers resellers) {
        this.resellers = resellers;
    }

    @GET
    public Page<Reseller> list(@QueryParam("state") String state, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return resellers.list(Callers.of(security), state, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    public Reseller get(@PathParam("id") String id, @Context SecurityContext security) {
        return resellers.read(Callers.of(security), id);
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Reseller suspend(@PathParam("id") String id, Reason reason, @Context SecurityContext security) {
        return resellers.suspend(Callers.of(security), id, reason);
    }

    @POST
    @Path("{id}/activate")
    public Reseller activate(@PathParam("id") String id, @Context SecurityContext security) {
        return resellers.activate(Callers.of(security), id);
    }

    /** Ends the reseller status of a reseller without clients. */
    @DELETE
    @Path("{id}")
    public Response end(@PathParam("id") String id, @Context SecurityContext security) {
        resellers.end(Callers.of(security), id);
        return Response.noContent().build();
    }
}
