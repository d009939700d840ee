package dev.kontor.host.internal.security;

import dev.kontor.host.internal.limits.RateLimiter;
import dev.kontor.host.internal.limits.RequestLimits;
import dev.kontor.host.internal.rest.Problem;
import dev.kontor.host.internal.web.PanelRequestFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates the request from its bearer token (API clients, U13) or else its session
 * cookie, checks the CSRF token of unsafe cookie requests, and enforces the method's
 * {@link AccessPolicy}. Public methods see the caller too when there is one, and a bearer
 * token that does not work is refused even there: a wrong credential is never ignored.
 * Between authentication and the policy comes the module's gate: a module switched off
 * for the caller's organization (for the panel, when nobody is logged in) answers 404, as
 * if it were not installed, before its permissions are even looked at.
 */
@Priority(Priorities.AUTHENTICATION)
final class AccessFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Request property holding the per-token limiter's decision, for the answer's headers. */
    private static final String TOKEN_LIMIT = "dev.kontor.token-limit";

    private final PanelSecurity security;
    private final RequestLimits limits;
    private final AccessPolicy policy;
    private final ModuleCheck module;

    AccessFilter(PanelSecurity security, RequestLimits limits, AccessPolicy policy, ModuleCheck module) {
        this.security = security;
        this.limits = limits;
        this.policy = policy;
        this.module = module;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<Locale> languages = request.getAcceptableLanguages();
        Locale locale = languages.isEmpty() || "*".equals(languages.get(0).toString()) ? null : languages.get(0);
        Optional<BearerToken> bearer = BearerToken.of(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<PanelCaller> caller;
        if (bearer.isPresent()) {
            // A token is no ambient credential as a cookie is: no cross-site request carries it, so no CSRF check.
            caller = bearerCaller(request, bearer.get(), locale);
            if (caller.isEmpty()) {
                return;
            }
        } else {
            caller = sessionCaller(request, locale);
            if (caller.isPresent() && !SAFE_METHODS.contains(request.getMethod())
                    && !csrfMatches(request.getHeaderString(CSRF_HEADER), caller.get().session().csrfToken())) {
                abort(request, Problem.of(Response.Status.FORBIDDEN, "csrf",
                        "This request needs the X-CSRF-Token header from the login answer."));
                return;
            }
        }
        caller.ifPresent(found -> request.setSecurityContext(new CallerSecurityContext(
                found.from((String) request.getProperty(PanelRequestFilter.SOURCE_ADDRESS)), request.getSecurityContext().isSecure())));
        Optional<Problem> switchedOff = module.refusal(caller);
        if (switchedOff.isPresent()) {
            abort(request, switchedOff.get());
            return;
        }
        if (!policy.loginRequired()) {
            return;
        }
        if (caller.isEmpty()) {
            abort(request, Problem.of(Response.Status.UNAUTHORIZED, "unauthenticated", "Log in first."));
            return;
        }
        if (policy.permission() != null && !caller.get().has(policy.permission())) {
            abort(request, Problem.of(Response.Status.FORBIDDEN, "forbidden",
                    "You lack the permission " + policy.permission() + "."));
        }
    }

    /** The token's caller; empty, with the request answered, when the token is over its rate or does not work. */
    private Optional<PanelCaller> bearerCaller(ContainerRequestContext request, BearerToken token, Locale locale) {
        // Counted before the provider is asked: a client past its rate costs no lookup.
        RateLimiter.Decision decision = limits.token(token.limiterKey());
        request.setProperty(TOKEN_LIMIT, decision);
        if (!decision.allowed()) {
            Response.ResponseBuilder refused = Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests with this API token. Try again in " + decision.retryAfterSeconds() + " s.").toResponse());
            decision.putHeaders(refused::header);
            request.abortWith(refused.build());
            return Optional.empty();
        }
        Optional<PanelCaller> caller = security.authenticateBearer(token.value(), locale);
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthenticated",
                            "The bearer token is unknown, expired or revoked.").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build());
        }
        return caller;
    }

    private Optional<PanelCaller> sessionCaller(ContainerRequestContext request, Locale locale) {
        Cookie cookie = request.getCookies().get(PanelSecurity.SESSION_COOKIE);
        return cookie == null ? Optional.empty() : security.authenticate(cookie.getValue(), locale);
    }

    /**
     * A token's answers tell its allowance when that is nearer its end than the source
     * address's, which {@link PanelRequestFilter} has put on the answer already.
     */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(TOKEN_LIMIT) instanceof RateLimiter.Decision byToken
                && (!(request.getProperty(PanelRequestFilter.ADDRESS_LIMIT) instanceof RateLimiter.Decision byAddress)
                        || byToken.remaining() <= byAddress.remaining())) {
            byToken.putHeaders(response.getHeaders()::putSingle);
        }
    }

    private static boolean csrfMatches(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void abort(ContainerRequestContext request, Problem problem) {
        request.abortWith(problem.toResponse());
    }

    private record CallerSecurityContext(PanelCaller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String permission) {
            return caller.has(permission);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return caller.hasSession() ? PanelSecurity.SESSION_COOKIE : "Bearer";
        }
    }
}
