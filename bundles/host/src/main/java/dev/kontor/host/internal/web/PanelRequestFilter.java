package dev.kontor.host.internal.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Runs first for every request of every servlet context, the REST whiteboard's
 * included: puts the {@link SecurityHeaders} on the answer (API answers are never
 * cached) and notes the source address for the audit trail, where JAX-RS code can read
 * it as the request property {@value #SOURCE_ADDRESS}.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class PanelRequestFilter implements Filter {

    public static final String SOURCE_ADDRESS = "dev.kontor.source-address";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        SecurityHeaders.apply(http::setHeader);
        if (((HttpServletRequest) request).getRequestURI().startsWith("/api/")) {
            http.setHeader("Cache-Control", "no-store");
        }
        request.setAttribute(SOURCE_ADDRESS, request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
