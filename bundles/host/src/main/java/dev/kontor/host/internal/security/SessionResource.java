package dev.kontor.host.internal.security;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.host.internal.rest.Problem;
import dev.kontor.host.internal.limits.RateLimiter;
import dev.kontor.host.internal.limits.RequestLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/session}: log in (sets the {@code KONTOR_SESSION} cookie and hands out
 * the CSRF token), see who is logged in, switch organization, log out. An API client
 * with a bearer token sees who it acts as, and has no session to switch or end.
 */
@Component(service = SessionResource.class)
@KontorResource
@Path("v1/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final PanelSecurity security;
    private final RequestLimits limits;

    @Activate
    public SessionResource(@Reference PanelSecurity security, @Reference RequestLimits limits) {
        this.security = security;
        this.limits = limits;
    }

    @POST
    @PublicEndpoint
    public Response login(LoginRequest request, @Context HttpHeaders headers, @Context SecurityContext context,
            @Context HttpServletRequest servletRequest) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (request == null || request.username() == null || request.username().isBlank()) {
            errors.add(new ValidationException.FieldError("username", "required"));
        }
        if (request == null || request.password() == null || request.password().isEmpty()) {
            errors.add(new ValidationException.FieldError("password", "required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // Checked before the password is hashed: hashing is slow on purpose, flooding it must not be.
        RateLimiter.Decision allowed = limits.login(servletRequest.getRemoteAddr(), request.username().trim());
        if (!allowed.allowed()) {
            return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, "login-rate-limited",
                    "Too many login attempts. Try again in " + allowed.retryAfterSeconds() + " s.").toResponse())
                    .header("Retry-After", allowed.retryAfterSeconds()).build();
        }
        return security.login(request.username().trim(), request.password().toCharArray(), language(headers))
                .map(caller -> Response.ok(SessionView.of(caller))
                        .cookie(sessionCookie(caller.session().id(), context.isSecure()))
                        .build())
                .orElseGet(() -> Problem.of(Response.Status.UNAUTHORIZED, "bad-credentials",
                        "The username or the password is wrong.").toResponse());
    }

    @GET
    public SessionView current(@Context SecurityContext context) {
        // The access filter has just checked the session or token; a session's caller carries the CSRF token too.
        return SessionView.of((PanelCaller) Caller.of(context).orElseThrow());
    }

    @PUT
    @Path("organization")
    public SessionView switchOrganization(OrganizationSwitch request, @Context SecurityContext context,
            @Context HttpHeaders headers) {
        if (request == null || request.organizationId() == null || request.organizationId().isBlank()) {
            throw new ValidationException("organization_id", "required");
        }
        PanelCaller caller = withSession(context);
        return security.switchOrganization(caller, request.organizationId(), language(headers))
                .map(SessionView::of)
                .orElseThrow(() -> new WebApplicationException(Problem.of(Response.Status.NOT_FOUND, "not-found",
                        "You are not a member of that organization.").toResponse()));
    }

    @DELETE
    public Response logout(@Context SecurityContext context) {
        security.logout(withSession(context));
        return Response.noContent().cookie(expiredCookie(context.isSecure())).build();
    }

    /** The access filter has let a caller in; only a browser login has a session, a bearer token none. */
    private static PanelCaller withSession(SecurityContext context) {
        PanelCaller caller = (PanelCaller) Caller.of(context).orElseThrow();
        if (!caller.hasSession()) {
            throw new WebApplicationException(Problem.of(Response.Status.CONFLICT, "no-session",
                    "Requests with a bearer token have no session: a token acts in its own organization until it is revoked.")
                    .toResponse());
        }
        return caller;
    }

    private static Locale language(HttpHeaders headers) {
        List<Locale> languages = headers.getAcceptableLanguages();
        return languages.isEmpty() || "*".equals(languages.get(0).toString()) ? null : languages.get(0);
    }

    private static NewCookie sessionCookie(String value, boolean secure) {
        return new NewCookie.Builder(PanelSecurity.SESSION_COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static NewCookie expiredCookie(boolean secure) {
        return new NewCookie.Builder(PanelSecurity.SESSION_COOKIE).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    public record LoginRequest(String username, String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]"; // never the password
        }
    }

    public record OrganizationSwitch(String organizationId) {
    }

    /** {@code csrf_token} is null for a bearer token's caller, which needs none. */
    public record SessionView(UserView user, String organizationId, List<Identity.OrganizationMembership> organizations,
            String language, String csrfToken) {

        static SessionView of(PanelCaller caller) {
            Identity identity = caller.identity();
            return new SessionView(new UserView(identity.userId(), identity.username(), identity.displayName(), identity.operator()),
                    identity.organizationId(), identity.organizations(),
                    dev.kontor.host.internal.i18n.Translations.languageOf(caller.locale()),
                    caller.hasSession() ? caller.session().csrfToken() : null);
        }
    }

    public record UserView(String id, String username, String displayName, boolean operator) {
    }
}
