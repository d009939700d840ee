package dev.kontor.host.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kontor.host.internal.limits.LimitedRequest;
import dev.kontor.host.internal.limits.RateLimiter;
import dev.kontor.host.internal.limits.RequestLimits;
import dev.kontor.host.internal.rest.PanelJson;
import dev.kontor.host.internal.rest.Problem;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Runs first for every request of every servlet context, the REST whiteboard's
 * included: puts the {@link SecurityHeaders} on the answer, notes the source address
 * for the audit trail (JAX-RS code reads it as the request property
 * {@value #SOURCE_ADDRESS}), and, for the REST API, applies the rate limit per source
 * address ({@code RateLimit-*} headers, 429 with {@code Retry-After} past it) and the
 * body size limit (413), before any work is done.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class PanelRequestFilter implements Filter {

    public static final String SOURCE_ADDRESS = "dev.kontor.source-address";
    /** Request property holding the {@link RateLimiter.Decision} of the per-address limiter, for API answers. */
    public static final String ADDRESS_LIMIT = "dev.kontor.address-limit";
    private static final ObjectMapper JSON = PanelJson.newMapper();

    private final RequestLimits limits;

    @Activate
    public PanelRequestFilter(@Reference RequestLimits limits) {
        this.limits = limits;
    }

    /** The REST API and the OAuth 2 token endpoint: what clients call, so what is limited. */
    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/oauth2/");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        SecurityHeaders.apply(answer::setHeader);
        request.setAttribute(SOURCE_ADDRESS, request.getRemoteAddr());
        if (!isApi(http.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        answer.setHeader("Cache-Control", "no-store");
        RateLimiter.Decision decision = limits.request(request.getRemoteAddr());
        request.setAttribute(ADDRESS_LIMIT, decision);
        decision.putHeaders(answer::setHeader);
        if (!decision.allowed()) {
            problem(answer, Problem.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests from your address. Try again in " + decision.retryAfterSeconds() + " s."));
            return;
        }
        long length = request.getContentLengthLong();
        if (length > limits.maxRequestBytes()) {
            problem(answer, Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large",
                    "The request body is larger than " + limits.maxRequestBytes() + " bytes."));
            return;
        }
        chain.doFilter(length < 0 ? new LimitedRequest(http, limits.maxRequestBytes()) : request, response);
    }

    /** Refused before the body is read: the connection is closed after this answer, and the client is told. */
    private static void problem(HttpServletResponse answer, Problem problem) throws IOException {
        answer.setStatus(problem.status());
        answer.setHeader("Connection", "close");
        answer.setContentType(Problem.MEDIA_TYPE.toString());
        JSON.writeValue(answer.getOutputStream(), problem);
    }
}
