package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.support.SupportGrant;
import dev.kontor.users.internal.support.SupportGrants;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
 * {@code /api/v1/organizations/{org}/support-access}: the organization's support grants
 * to the operator's staff, one per content type, revocable at once, ending by
 * themselves (U11).
 */
@Component(service = SupportAccessResource.class)
@KontorResource
@Path("v1/organizations/{org}/support-access")
@Produces(MediaType.APPLICATION_JSON)
public class SupportAccessResource {

    private final SupportGrants grants;

    @Activate
    public SupportAccessResource(@Reference SupportGrants grants) {
        this.grants = grants;
    }

    @GET
    @RequiresPermission(UsersPermissions.SUPPORT_VIEW)
    public Page<SupportGrant> list(@PathParam("org") String org, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        String organizationId = OrganizationScope.require(Caller.of(security).orElseThrow(), org);
        return grants.list(organizationId, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(UsersPermissions.SUPPORT_VIEW)
    public SupportGrant get(@PathParam("org") String org, @PathParam("id") String id, @Context SecurityContext security) {
        String organizationId = OrganizationScope.require(Caller.of(security).orElseThrow(), org);
        return grants.find(organizationId, PathIds.of(id)).orElseThrow(NotFoundException::new);
    }

    /** 201 with a new grant, or 200 with the grant already in force for that content type. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.SUPPORT_MANAGE)
    public Response grant(@PathParam("org") String org, GrantRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        String organizationId = OrganizationScope.require(caller, org);
        SupportGrants.Granted granted = grants.grant(caller, organizationId, request == null ? null : request.contentType());
        return Response.status(granted.created() ? Response.Status.CREATED : Response.Status.OK).entity(granted.grant()).build();
    }

    /** Ends the grant at once; 204 also when it had ended already. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(UsersPermissions.SUPPORT_MANAGE)
    public Response revoke(@PathParam("org") String org, @PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        String organizationId = OrganizationScope.require(caller, org);
        grants.revoke(caller, organizationId, PathIds.of(id)).orElseThrow(NotFoundException::new);
        return Response.noContent().build();
    }

    /** {@code {"content_type": "<product id>"}}. */
    public record GrantRequest(String contentType) {
    }
}
