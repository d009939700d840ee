package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.partner.AccessRequests;
import dev.kontor.clients.internal.partner.OwnClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/clients/own}: the client account of the organization the caller acts
 * in (404 when it is no client's), so that its owners find their requests and grants and
 * can tell a partner the id to ask with (C7).
 */
@Component(service = OwnClientResource.class)
@KontorResource
@Path("v1/clients/own")
@Produces(MediaType.APPLICATION_JSON)
public class OwnClientResource {

    private final AccessRequests requests;

    @Activate
    public OwnClientResource(@Reference AccessRequests requests) {
        this.requests = requests;
    }

    @GET
    @RequiresPermission(ClientsPermissions.ACCESS)
    public OwnClient get(@Context SecurityContext security) {
        return requests.ownClient(Callers.of(security));
    }
}
