package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.invitation.Invitation;
import dev.kontor.users.internal.invitation.InvitationRequest;
import dev.kontor.users.internal.invitation.Invitations;
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
 * {@code /api/v1/organizations/{org}/invitations}: the organization's side of
 * invitations (U9): list, invite, revoke, resend. No answer ever carries a link's token.
 */
@Component(service = InvitationsResource.class)
@KontorResource
@Path("v1/organizations/{org}/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    private final Invitations invitations;

    @Activate
    public InvitationsResource(@Reference Invitations invitations) {
        this.invitations = invitations;
    }

    @GET
    @RequiresPermission(UsersPermissions.MEMBERS_MANAGE)
    public Page<Invitation.View> list(@PathParam("org") String org, @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        String organizationId = OrganizationScope.require(Caller.of(security).orElseThrow(), org);
        return invitations.list(organizationId, q, PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.MEMBERS_MANAGE)
    public Response invite(@PathParam("org") String org, InvitationRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        Invitation.View invitation = invitations.invite(caller, OrganizationScope.require(caller, org), request);
        return Response.status(Response.Status.CREATED).entity(invitation).build();
    }

    /** Revokes the invitation: its link stops working. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(UsersPermissions.MEMBERS_MANAGE)
    public Response revoke(@PathParam("org") String org, @PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        if (!invitations.revoke(caller, OrganizationScope.require(caller, org), PathIds.of(id))) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    /** Mails a new link, valid from now; the old one stops working. */
    @POST
    @Path("{id}/resend")
    @RequiresPermission(UsersPermissions.MEMBERS_MANAGE)
    public Invitation.View resend(@PathParam("org") String org, @PathParam("id") String id,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        return invitations.resend(caller, OrganizationScope.require(caller, org), PathIds.of(id))
                .orElseThrow(NotFoundException::new);
    }
}
