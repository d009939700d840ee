package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.invitation.EmailChanges;
import dev.kontor.users.internal.invitation.TokenRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/users/me}: the caller's own login, and the change of its e-mail
 * address confirmed through a link to the new address (U9). Reading needs only a login;
 * the change needs {@code users.profile}, which every built-in role holds, so an API
 * token without that scope cannot move a login's mail elsewhere.
 */
@Component(service = EmailChangeResource.class)
@KontorResource
@Path("v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
public class EmailChangeResource {

    private final EmailChanges changes;

    @Activate
    public EmailChangeResource(@Reference EmailChanges changes) {
        this.changes = changes;
    }

    @GET
    public EmailChanges.Me me(@Context SecurityContext security) {
        return changes.me(Caller.of(security).orElseThrow());
    }

    /** Mails a confirmation link to the new address; 202: nothing changes until it is followed. */
    @PUT
    @Path("email")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(UsersPermissions.PROFILE)
    public Response changeEmail(EmailRequest request, @Context SecurityContext security) {
        if (request == null) {
            throw new ValidationException("email", "required");
        }
        return Response.accepted(changes.request(Caller.of(security).orElseThrow(), request.email())).build();
    }

    /** Follows the link: the token is the credential, so no login is needed. */
    @POST
    @Path("email/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    public EmailChanges.Confirmed confirm(TokenRequest request, @Context HttpServletRequest servletRequest) {
        return changes.confirm(request == null ? null : request.token(), InvitationAnswersResource.sourceAddress(servletRequest));
    }

    /** The body of {@code PUT .../email}. */
    public record EmailRequest(String email) {
    }
}
