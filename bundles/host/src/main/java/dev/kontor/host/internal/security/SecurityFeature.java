package dev.kontor.host.internal.security;

import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.host.internal.limits.RequestLimits;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Puts an {@link AccessFilter} in front of every resource method of every module, with
 * the policy its annotations declare (part of the panel extension). This is the one place where the panel decides
 * who may call what: menu visibility is only a convenience on top of it.
 */
public final class SecurityFeature implements DynamicFeature {

    private final PanelSecurity security;
    private final RequestLimits limits;

    public SecurityFeature(PanelSecurity security, RequestLimits limits) {
        this.security = security;
        this.limits = limits;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        context.register(new AccessFilter(security, limits, policyOf(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass())));
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
