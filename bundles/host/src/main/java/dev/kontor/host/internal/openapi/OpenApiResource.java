package dev.kontor.host.internal.openapi;

import dev.kontor.host.internal.rest.RestRuntimeConfiguration;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.host.internal.rest.PanelJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI document of the REST resources installed
 * right now, for any logged-in caller. It is rebuilt when the whiteboard's change count
 * moves (a module came or went); the cached document is plain JSON and holds no module
 * class.
 */
@Component(service = OpenApiResource.class)
@KontorResource
@Path("v1/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {

    /** Where the host configures the whiteboard to serve (see RestRuntimeConfiguration). */
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final BundleContext context;
    private final ServiceReference<JakartarsServiceRuntime> runtime;
    private final AtomicReference<Built> last = new AtomicReference<>();

    @Activate
    public OpenApiResource(BundleContext context, @Reference ServiceReference<JakartarsServiceRuntime> runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    @GET
    public ObjectNode document() {
        // Read before building: a change while building then only causes one more build.
        Object changeCount = runtime.getProperty(Constants.SERVICE_CHANGECOUNT);
        Built built = last.get();
        if (built == null || changeCount == null || !Objects.equals(built.changeCount(), changeCount)) {
            built = new Built(changeCount, build());
            last.set(built);
        }
        return built.document();
    }

    private ObjectNode build() {
        JakartarsServiceRuntime service = context.getService(runtime);
        if (service == null) {
            throw new IllegalStateException("The REST runtime is gone.");
        }
        InstalledResources.Found found;
        try {
            found = InstalledResources.read(service.getRuntimeDTO(), context, RestRuntimeConfiguration.CONTEXT_PATH);
        } finally {
            context.ungetService(runtime);
        }
        ObjectNode document = OpenApiDocument.build(context.getBundle().getVersion().toString(),
                found.resources(), found.skipped(), PanelJson.newMapper());
        document.path("x-kontor-skipped").forEach(entry -> LOG.warn("REST resource left out of the OpenAPI document: service {} of {}: {}",
                entry.path("service_id").asLong(), entry.path("module").asText(), entry.path("reason").asText()));
        return document;
    }

    private record Built(Object changeCount, ObjectNode document) {
    }
}
