package dev.kontor.host.internal.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/** {@link SecurityHeaders} on the pages (the REST API gets them from {@code SecurityHeadersResponseFilter}). */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
public class SecurityHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        SecurityHeaders.apply(((HttpServletResponse) response)::setHeader);
        chain.doFilter(request, response);
    }
}
