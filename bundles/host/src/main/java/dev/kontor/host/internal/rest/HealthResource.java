package dev.kontor.host.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.host.internal.module.ModuleRegistry;
import dev.kontor.host.internal.module.ModuleState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/health}: the panel is up, with each module's state; no login needed. */
@Component(service = HealthResource.class)
@KontorResource
@Path("v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private final ModuleRegistry modules;

    @Activate
    public HealthResource(@Reference ModuleRegistry modules) {
        this.modules = modules;
    }

    @GET
    @PublicEndpoint
    public Health health() {
        return new Health("UP", modules.modules().stream().map(m -> new ModuleHealth(m.id(), m.state())).toList());
    }

    public record Health(String status, List<ModuleHealth> modules) {
    }

    public record ModuleHealth(String id, ModuleState state) {
    }
}
