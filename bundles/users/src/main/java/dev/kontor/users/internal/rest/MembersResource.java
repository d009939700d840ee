package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.organization.Member;
import dev.kontor.users.internal.organization.MemberRequests;
import dev.kontor.users.internal.organization.Members;
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

/**
 * {@code /api/v1/organizations/{org}/members}: list, add (existing or new login),
 * change, remove one or many (U2–U6, U10).
 */
@Component(service = MembersResource.class)
@KontorResource
@Path("v1/organizations/{org}/members")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    private final Members members;

    @Activate
    public MembersResource(@Reference Members members) {
        this.members = members;
    }

    @GET
    @RequiresPermission(UsersPermissions.MEMBERS_VIEW)
    public Page<Member> list(@PathParam("org") String organizationId, @QueryParam("q") String q,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        return members.list(OrganizationScope.require(caller, organizationId), q, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{user}")
    @RequiresPermission(UsersPermissions.MEMBERS_VIEW)
    public Response get(@PathParam("org") String organizationId, @PathParam("user") String userId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        Member member = members.find(OrganizationScope.require(caller, organizationId), PathIds.of(userId))
                .orElseThrow(NotFoundException::new);
        return Response.ok(member).tag(ETags.of(member.version())).build();
    }

    /** Adds an existing login or a new one for an external person (U3). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.MEMBERS_MANAGE)
    public Response add(@PathParam("org") String organizationId, MemberRequests.Add request, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        Member added = members.add(caller, OrganizationScope.require(caller, organizationId), request);
        return Response.status(Response.Status.CREATED).entity(added).tag(ETags.of(added.version())).build();
    }

    /** Changes role, products or contact preferences (U5); the last owner stays one (U6). */
    @PATCH
    @Path("{user}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.MEMBERS_MANAGE)
    public Response change(@PathParam("org") String organizationId, @PathParam("user") String userId,
            MemberRequests.Change request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        Member changed = members.change(caller, OrganizationScope.require(caller, organizationId), PathIds.of(userId), ifMatch, request);
        return Response.ok(changed).tag(ETags.of(changed.version())).build();
    }

    /** Removes a member at once (U10); removing oneself is leaving. */
    @DELETE
    @Path("{user}")
    @RequiresPermission(UsersPermissions.MEMBERS_MANAGE)
    public Response remove(@PathParam("org") String organizationId, @PathParam("user") String userId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        members.remove(caller, OrganizationScope.require(caller, organizationId), PathIds.of(userId));
        return Response.noContent().build();
    }

    /** Removes several members, all or none (U4). */
    @POST
    @Path("bulk-remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.MEMBERS_MANAGE)
    public MemberRequests.BulkRemoved bulkRemove(@PathParam("org") String organizationId, MemberRequests.BulkRemove request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        return members.bulkRemove(caller, OrganizationScope.require(caller, organizationId), request);
    }
}
