package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.workgroup.NewWorkgroup;
import dev.kontor.users.internal.workgroup.Workgroup;
import dev.kontor.users.internal.workgroup.WorkgroupChange;
import dev.kontor.users.internal.workgroup.Workgroups;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/v1/organizations/{org}/workgroups}: groups with members, products and a lead (U7). */
@Component(service = WorkgroupsResource.class)
@KontorResource
@Path("v1/organizations/{org}/workgroups")
@Produces(MediaType.APPLICATION_JSON)
public class WorkgroupsResource {

    private final Workgroups workgroups;

    @Activate
    public WorkgroupsResource(@Reference Workgroups workgroups) {
        this.workgroups = workgroups;
    }

    @GET
    @RequiresPermission(UsersPermissions.WORKGROUPS_VIEW)
    public Page<Workgroup> list(@PathParam("org") String org, @QueryParam("q") String q, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        String organizationId = OrganizationScope.require(Caller.of(security).orElseThrow(), org);
        return workgroups.list(organizationId, q, PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.WORKGROUPS_MANAGE)
    public Response create(@PathParam("org") String org, NewWorkgroup request, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        Workgroup created = workgroups.create(caller, OrganizationScope.require(caller, org), request);
        return Response.status(Response.Status.CREATED).entity(created).tag(ETags.of(created.version())).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(UsersPermissions.WORKGROUPS_VIEW)
    public Response get(@PathParam("org") String org, @PathParam("id") String id, @Context SecurityContext security) {
        String organizationId = OrganizationScope.require(Caller.of(security).orElseThrow(), org);
        return workgroups.find(organizationId, PathIds.of(id)).map(WorkgroupsResource::withTag).orElseThrow(NotFoundException::new);
    }

    /** Changes the fields sent; with If-Match only the version the client saw (else 412). */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.WORKGROUPS_MANAGE)
    public Response change(@PathParam("org") String org, @PathParam("id") String id, WorkgroupChange request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        return workgroups.change(caller, OrganizationScope.require(caller, org), PathIds.of(id), ifMatch, request)
                .map(WorkgroupsResource::withTag).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(UsersPermissions.WORKGROUPS_MANAGE)
    public Response delete(@PathParam("org") String org, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        if (!workgroups.delete(caller, OrganizationScope.require(caller, org), PathIds.of(id), ifMatch)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    private static Response withTag(Workgroup workgroup) {
        return Response.ok(workgroup).tag(ETags.of(workgroup.version())).build();
    }
}
