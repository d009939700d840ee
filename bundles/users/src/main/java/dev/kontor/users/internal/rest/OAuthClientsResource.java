package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.token.OAuthClients;
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
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/organizations/{org}/oauth-clients}: the organization's OAuth 2 clients
 * for machine access (U13); they get access tokens at {@code POST /oauth2/token}.
 */
@Component(service = OAuthClientsResource.class)
@KontorResource
@Path("v1/organizations/{org}/oauth-clients")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthClientsResource {

    private final OAuthClients clients;

    @Activate
    public OAuthClientsResource(@Reference OAuthClients clients) {
        this.clients = clients;
    }

    @GET
    @RequiresPermission(UsersPermissions.CLIENTS_MANAGE)
    public Page<OAuthClients.OAuthClient> list(@PathParam("org") String org, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        String organizationId = OrganizationScope.require(Caller.of(security).orElseThrow(), org);
        return clients.list(organizationId, PageRequest.of(limit, cursor));
    }

    /** 201 with the client id and its secret, shown only here. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.CLIENTS_MANAGE)
    public Response create(@PathParam("org") String org, NewClientRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        String organizationId = OrganizationScope.require(caller, org);
        NewClientRequest body = request == null ? new NewClientRequest(null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(clients.create(caller, organizationId, body.name(), body.scopes())).build();
    }

    /** Revokes the client and, at once, every access token it holds. */
    @DELETE
    @Path("{id}")
    @RequiresPermission(UsersPermissions.CLIENTS_MANAGE)
    public Response revoke(@PathParam("org") String org, @PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        if (!clients.revoke(caller, OrganizationScope.require(caller, org), PathIds.of(id))) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    /** {@code {"name", "scopes": [permission ids]}}. */
    public record NewClientRequest(String name, List<String> scopes) {
    }
}
