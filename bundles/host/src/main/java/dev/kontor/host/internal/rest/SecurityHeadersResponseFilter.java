package dev.kontor.host.internal.rest;

import dev.kontor.host.internal.web.SecurityHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** The panel's security headers on every REST answer, errors included; API answers are never cached. */
public final class SecurityHeadersResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        SecurityHeaders.apply(response.getHeaders()::putSingle);
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
