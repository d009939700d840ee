package dev.kontor.host.internal.rest;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.host.internal.limits.RequestLimits;
import dev.kontor.host.internal.module.ModuleRegistry;
import dev.kontor.host.internal.module.PanelGate;
import dev.kontor.host.internal.security.PanelSecurity;
import dev.kontor.host.internal.security.SecurityFeature;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * What every REST resource of the panel gets: JSON, the access check (with the module's
 * gate) and problem+json
 * errors (security headers come from {@code PanelRequestFilter}). One extension rather than three, because the
 * whiteboard rebuilds the whole Jersey application for every extension that comes,
 * and a resource waits for a single name. Registered as a feature rather than as the
 * providers themselves, which the whiteboard cannot keep across requests.
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName(KontorResource.PANEL_EXTENSION)
public class PanelExtension implements Feature {

    private final SecurityFeature security;
    private final ProblemMapper problems;

    @Activate
    public PanelExtension(@Reference PanelSecurity security, @Reference RequestLimits limits, @Reference ModuleRegistry modules,
            @Reference PanelGate gate) {
        this.security = new SecurityFeature(security, limits, gate, ModuleRegistry::moduleOf);
        this.problems = new ProblemMapper(modules);
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(PanelJson.newProvider());
        context.register(security);
        context.register(problems);
        context.register(new UnreadBodyFilter());
        return true;
    }
}
