package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.organization.Members;
import dev.kontor.users.internal.organization.Organization;
import dev.kontor.users.internal.organization.Organizations;
import jakarta.ws.rs.Consumes;
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

/**
 * {@code /api/v1/organizations}: the caller's organizations (every one for operator
 * staff), creating one (U1), reading and renaming one, and leaving it (U4).
 */
@Component(service = OrganizationsResource.class)
@KontorResource
@Path("v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    private final Organizations organizations;
    private final Members members;

    @Activate
    public OrganizationsResource(@Reference Organizations organizations, @Reference Members members) {
        this.organizations = organizations;
        this.members = members;
    }

    @GET
    public Page<Organization> list(@QueryParam("q") String q, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return organizations.list(Caller.of(security).orElseThrow(), q, PageRequest.of(limit, cursor));
    }

    /** Any logged-in user creates an organization and becomes its owner (U1). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(OrganizationRequest request, @Context SecurityContext security) {
        Organization created = organizations.create(Caller.of(security).orElseThrow(), request == null ? null : request.name());
        return Response.status(Response.Status.CREATED).entity(created).tag(ETags.of(created.version())).build();
    }

    @GET
    @Path("{org}")
    public Response get(@PathParam("org") String organizationId, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        Organization organization = organizations.find(caller, OrganizationScope.require(caller, organizationId))
                .orElseThrow(NotFoundException::new);
        return Response.ok(organization).tag(ETags.of(organization.version())).build();
    }

    @PATCH
    @Path("{org}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.ORGANIZATION_EDIT)
    public Response rename(@PathParam("org") String organizationId, OrganizationRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        String organization = OrganizationScope.require(caller, organizationId);
        Organization renamed = organizations.rename(caller, organization, ifMatch, request == null ? null : request.name());
        return Response.ok(renamed).tag(ETags.of(renamed.version())).build();
    }

    /** The caller leaves; never as the last owner (U6) and never their only organization (U1). */
    @POST
    @Path("{org}/leave")
    public Response leave(@PathParam("org") String organizationId, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        members.leave(caller, OrganizationScope.require(caller, organizationId));
        return Response.noContent().build();
    }

    /** {@code {"name"}}. */
    public record OrganizationRequest(String name) {
    }
}
