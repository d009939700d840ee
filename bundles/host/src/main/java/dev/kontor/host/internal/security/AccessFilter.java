package dev.kontor.host.internal.security;

import dev.kontor.host.internal.rest.Problem;
import dev.kontor.host.internal.web.PanelRequestFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates the request from its session cookie, checks the CSRF token of unsafe
 * cookie requests, and enforces the method's {@link AccessPolicy}. Public methods see
 * the caller too when there is one.
 */
@Priority(Priorities.AUTHENTICATION)
final class AccessFilter implements ContainerRequestFilter {

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final PanelSecurity security;
    private final AccessPolicy policy;

    AccessFilter(PanelSecurity security, AccessPolicy policy) {
        this.security = security;
        this.policy = policy;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(PanelSecurity.SESSION_COOKIE);
        List<Locale> languages = request.getAcceptableLanguages();
        Locale locale = languages.isEmpty() || "*".equals(languages.get(0).toString()) ? null : languages.get(0);
        Optional<PanelCaller> session = cookie == null ? Optional.empty()
                : security.authenticate(cookie.getValue(), locale);

        if (session.isPresent()) {
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !csrfMatches(request.getHeaderString(CSRF_HEADER), session.get().session().csrfToken())) {
                abort(request, Problem.of(Response.Status.FORBIDDEN, "csrf",
                        "This request needs the X-CSRF-Token header from the login answer."));
                return;
            }
            request.setSecurityContext(new CallerSecurityContext(
                    session.get().from((String) request.getProperty(PanelRequestFilter.SOURCE_ADDRESS)), request.getSecurityContext().isSecure()));
        }
        if (!policy.loginRequired()) {
            return;
        }
        if (session.isEmpty()) {
            abort(request, Problem.of(Response.Status.UNAUTHORIZED, "unauthenticated", "Log in first."));
            return;
        }
        if (policy.permission() != null && !session.get().has(policy.permission())) {
            abort(request, Problem.of(Response.Status.FORBIDDEN, "forbidden",
                    "You lack the permission " + policy.permission() + "."));
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
            return "KONTOR_SESSION";
        }
    }
}
