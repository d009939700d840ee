package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.token.ApiTokens;
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
 * {@code /api/v1/tokens}: the caller's personal API tokens in the current organization
 * (U13). A token is shown once, in the answer that creates it.
 */
@Component(service = TokensResource.class)
@KontorResource
@Path("v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    /** The authentication scheme the host reports for requests with a bearer token. */
    static final String BEARER = "Bearer";

    private final ApiTokens tokens;

    @Activate
    public TokensResource(@Reference ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @RequiresPermission(UsersPermissions.PROFILE)
    public Page<ApiTokens.ApiToken> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        return tokens.list(Caller.of(security).orElseThrow(), PageRequest.of(limit, cursor));
    }

    /** 201 with the token; only a login in a session creates tokens, so no token outlives itself by minting another. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.PROFILE)
    public Response create(NewToken request, @Context SecurityContext security) {
        if (BEARER.equalsIgnoreCase(security.getAuthenticationScheme())) {
            throw new ProblemException(403, "session-required", "Create API tokens after logging in, not with a token.");
        }
        Caller caller = Caller.of(security).orElseThrow();
        NewToken body = request == null ? new NewToken(null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(tokens.create(caller, body.name(), body.scopes(), body.expiresAt())).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(UsersPermissions.PROFILE)
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) {
        if (!tokens.revoke(Caller.of(security).orElseThrow(), PathIds.of(id))) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    /** {@code {"name", "scopes": [permission ids], "expires_at"?: ISO date-time or date}}. */
    public record NewToken(String name, List<String> scopes, String expiresAt) {
    }
}
