package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.organization.Role;
import dev.kontor.users.internal.organization.RoleRequest;
import dev.kontor.users.internal.organization.Roles;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/roles}: the roles of the caller's current organization, built-in and
 * custom, and changes to the custom ones (U8).
 */
@Component(service = RolesResource.class)
@KontorResource
@Path("v1/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

    private final Roles roles;

    @Activate
    public RolesResource(@Reference Roles roles) {
        this.roles = roles;
    }

    @GET
    @RequiresPermission(UsersPermissions.MEMBERS_VIEW)
    public Page<Role> list(@Context SecurityContext security) {
        return Page.of(roles.list(Caller.of(security).orElseThrow().organizationId()));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(UsersPermissions.MEMBERS_VIEW)
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        Role role = roles.find(Caller.of(security).orElseThrow().organizationId(), PathIds.of(id))
                .orElseThrow(NotFoundException::new);
        return withTag(Response.ok(role), role).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.ROLES_MANAGE)
    public Response create(RoleRequest request, @Context SecurityContext security) {
        Role created = roles.create(Caller.of(security).orElseThrow(), request);
        return withTag(Response.status(Response.Status.CREATED).entity(created), created).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.ROLES_MANAGE)
    public Response change(@PathParam("id") String id, RoleRequest request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        Role changed = roles.change(Caller.of(security).orElseThrow(), PathIds.of(id), ifMatch, request);
        return withTag(Response.ok(changed), changed).build();
    }

    /** Refused with 409 {@code role-in-use} while members or pending invitations hold the role. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(UsersPermissions.ROLES_MANAGE)
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        roles.delete(Caller.of(security).orElseThrow(), PathIds.of(id));
        return Response.noContent().build();
    }

    private static Response.ResponseBuilder withTag(Response.ResponseBuilder response, Role role) {
        return role.version() == null ? response : response.tag(ETags.of(role.version()));
    }
}
