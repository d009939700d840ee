package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.reseller.NewApplication;
import dev.kontor.clients.internal.reseller.Reason;
import dev.kontor.clients.internal.reseller.ResellerApplication;
import dev.kontor.clients.internal.reseller.ResellerApplications;
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
 * {@code /api/v1/reseller-applications}: an organization's owner applies to become a
 * reseller, the operator approves or rejects (C9). Reading needs {@code clients.resellers}
 * (every application) or {@code clients.apply} (the caller's organization's), which
 * {@link ResellerApplications} checks.
 */
@Component(service = ResellerApplicationsResource.class)
@KontorResource
@Path("v1/reseller-applications")
@Produces(MediaType.APPLICATION_JSON)
public class ResellerApplicationsResource {

    private final ResellerApplications applications;

    @Activate
    public ResellerApplicationsResource(@Reference ResellerApplications applications) {
        this.applications = applications;
    }

    @GET
    public Page<ResellerApplication> list(@QueryParam("state") String state, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return applications.list(Callers.of(security), state, PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.APPLY)
    public Response apply(NewApplication request, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(applications.apply(Callers.of(security), request)).build();
    }

    @GET
    @Path("{id}")
    public ResellerApplication get(@PathParam("id") String id, @Context SecurityContext security) {
        return applications.read(Callers.of(security), id);
    }

    @POST
    @Path("{id}/approve")
    @RequiresPermission(ClientsPermissions.RESELLERS)
    public ResellerApplication approve(@PathParam("id") String id, @Context SecurityContext security) {
        return applications.approve(Callers.of(security), id);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.RESELLERS)
    public ResellerApplication reject(@PathParam("id") String id, Reason reason, @Context SecurityContext security) {
        return applications.reject(Callers.of(security), id, reason);
    }
}
