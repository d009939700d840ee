package dev.kontor.users.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.users.internal.invitation.AcceptRequest;
import dev.kontor.users.internal.invitation.Invitations;
import dev.kontor.users.internal.invitation.TokenRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/invitations}: the invitee's side (U9), reached through the mailed link
 * without a login. The token is the credential; it comes in the body, never in a URL.
 */
@Component(service = InvitationAnswersResource.class)
@KontorResource
@Path("v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationAnswersResource {

    private final Invitations invitations;

    @Activate
    public InvitationAnswersResource(@Reference Invitations invitations) {
        this.invitations = invitations;
    }

    /** What the link invites to, so the page can show it before one accepts. */
    @POST
    @Path("preview")
    @PublicEndpoint
    public Invitations.Preview preview(TokenRequest request) {
        return invitations.preview(request == null ? null : request.token());
    }

    /** Joins as a new login (with username and password) or as the logged-in one. */
    @POST
    @Path("accept")
    @PublicEndpoint
    public Invitations.Joined accept(AcceptRequest request, @Context SecurityContext security, @Context HttpHeaders headers,
            @Context HttpServletRequest servletRequest) {
        return invitations.accept(request, Caller.of(security), firstLanguage(headers), sourceAddress(servletRequest));
    }

    @POST
    @Path("decline")
    @PublicEndpoint
    public Response decline(TokenRequest request, @Context SecurityContext security,
            @Context HttpServletRequest servletRequest) {
        invitations.decline(request == null ? null : request.token(), Caller.of(security), sourceAddress(servletRequest));
        return Response.noContent().build();
    }

    /** Where a request without a login came from, for the audit trail. */
    static String sourceAddress(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }

    private static Locale firstLanguage(HttpHeaders headers) {
        return headers == null || headers.getAcceptableLanguages().isEmpty() ? null : headers.getAcceptableLanguages().get(0);
    }
}
