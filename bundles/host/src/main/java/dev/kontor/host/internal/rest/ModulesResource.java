package dev.kontor.host.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.host.internal.module.ModuleInfo;
import dev.kontor.host.internal.module.ModuleRegistry;
import dev.kontor.host.internal.security.HostPermissions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/modules}: the operator's view of every module bundle. */
@Component(service = ModulesResource.class)
@KontorResource
@Path("v1/modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    private final ModuleRegistry modules;

    @Activate
    public ModulesResource(@Reference ModuleRegistry modules) {
        this.modules = modules;
    }

    @GET
    @RequiresPermission(HostPermissions.MODULES)
    public Page<ModuleInfo> list() {
        return Page.of(modules.modules());
    }
}
