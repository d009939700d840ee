package dev.kontor.host.internal.security;

import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.host.internal.limits.RequestLimits;
import dev.kontor.host.internal.module.PanelGate;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts an {@link AccessFilter} in front of every resource method of every module, with
 * the policy its annotations declare (part of the panel extension). This is the one place where the panel decides
 * who may call what: menu visibility is only a convenience on top of it. The filter also
 * knows the resource's module, so a module switched off for the caller's organization
 * answers as if it were not installed.
 */
public final class SecurityFeature implements DynamicFeature {

    private final PanelSecurity security;
    private final RequestLimits limits;
    private final PanelGate gate;
    private final Function<Class<?>, Optional<String>> moduleOf;

    /**
     * @param moduleOf the module a resource class belongs to (its bundle's), empty for the
     *     host's own resources
     */
    public SecurityFeature(PanelSecurity security, RequestLimits limits, PanelGate gate,
            Function<Class<?>, Optional<String>> moduleOf) {
        this.security = security;
        this.limits = limits;
        this.gate = gate;
        this.moduleOf = moduleOf;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Class<?> resourceClass = resourceInfo.getResourceClass();
        String module = resourceClass == null ? null : moduleOf.apply(resourceClass).orElse(null);
        context.register(new AccessFilter(security, limits, policyOf(resourceInfo.getResourceMethod(), resourceClass),
                new ModuleCheck(gate, module)));
    }

    /** The method's own annotation wins over the class's; without any, a login is needed. */
    public static AccessPolicy policyOf(Method method, Class<?> resourceClass) {
        if (method != null && method.isAnnotationPresent(PublicEndpoint.class)) {
            return AccessPolicy.PUBLIC;
        }
        if (method != null && method.isAnnotationPresent(RequiresPermission.class)) {
            return AccessPolicy.permission(method.getAnnotation(RequiresPermission.class).value());
        }
        if (resourceClass != null && resourceClass.isAnnotationPresent(PublicEndpoint.class)) {
            return AccessPolicy.PUBLIC;
        }
        if (resourceClass != null && resourceClass.isAnnotationPresent(RequiresPermission.class)) {
            return AccessPolicy.permission(resourceClass.getAnnotation(RequiresPermission.class).value());
        }
        return AccessPolicy.LOGIN;
    }
}
