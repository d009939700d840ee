package dev.kontor.host.internal.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * An error answered before the request body was read (refused access, unknown path,
 * wrong method) makes Jetty drop the connection afterwards. Saying so with
 * {@code Connection: close} lets clients open a new one instead of failing on a dead
 * one. Decided from the headers alone: asking Jersey whether the body is there would
 * read it, and fail once it was consumed.
 */
final class UnreadBodyFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && declaresBody(request)) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private static boolean declaresBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !"0".equals(length.trim())) || request.getHeaderString("Transfer-Encoding") != null;
    }
}
