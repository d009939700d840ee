package dev.kontor.host.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.security.Caller;
import dev.kontor.host.internal.security.PermissionRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/permissions}: every permission the installed modules declare now. */
@Component(service = PermissionsResource.class)
@KontorResource
@Path("v1/permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    private final PermissionRegistry permissions;

    @Activate
    public PermissionsResource(@Reference PermissionRegistry permissions) {
        this.permissions = permissions;
    }

    @GET
    public Page<PermissionRegistry.DeclaredPermission> list(@Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        return Page.of(permissions.permissions(caller.locale()));
    }
}
