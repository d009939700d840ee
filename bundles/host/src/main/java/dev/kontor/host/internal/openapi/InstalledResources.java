package dev.kontor.host.internal.openapi;

import dev.kontor.host.internal.module.ModuleRegistry;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * The resources the JAX-RS whiteboard serves right now, as its runtime DTO lists them,
 * each with its class and the module of its bundle. A resource whose class cannot be
 * found is listed as skipped.
 */
final class InstalledResources {

    /** The tag of the host's own resources, which have no {@code Kontor-Module} header. */
    static final String PANEL_TAG = "panel";

    record Found(List<ResourceSource> resources, List<Skipped> skipped) {
    }

    private InstalledResources() {
    }

    /** @param contextPath where the whiteboard serves its applications, e.g. {@code /api} */
    static Found read(RuntimeDTO runtime, BundleContext context, String contextPath) {
        List<ResourceSource> resources = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Stream.concat(Stream.ofNullable(runtime.defaultApplication), Stream.ofNullable(runtime.applicationDTOs).flatMap(Stream::of))
                .forEach(application -> Stream.ofNullable(application.resourceDTOs).flatMap(Stream::of)
                        .forEach(resource -> add(resource, application, context, contextPath, resources, skipped)));
        return new Found(resources, skipped);
    }

    private static void add(ResourceDTO resource, ApplicationDTO application, BundleContext context, String contextPath,
            List<ResourceSource> resources, List<Skipped> skipped) {
        ServiceReference<?> reference = reference(context, resource.serviceId);
        Bundle bundle = reference == null ? null : reference.getBundle();
        if (bundle == null) {
            return; // gone since the runtime was asked: nothing to describe, nothing missing
        }
        String module = bundle.getBundleId() == context.getBundle().getBundleId() ? PANEL_TAG
                : ModuleRegistry.moduleId(bundle).orElse(bundle.getSymbolicName());
        try {
            resources.add(new ResourceSource(resource.serviceId, module, bundle.getHeaders("").get(Constants.BUNDLE_NAME),
                    contextPath + (application.base == null ? "" : "/" + application.base), resourceClass(context, reference, bundle)));
        } catch (Exception | LinkageError e) {
            skipped.add(new Skipped(resource.serviceId, module, resource.name, "class not found: " + e));
        }
    }

    private static ServiceReference<?> reference(BundleContext context, long serviceId) {
        try {
            // All references, not only those whose packages this bundle shares: a resource registers under its own class.
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(" + Constants.SERVICE_ID + "=" + serviceId + ")");
            return references == null ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The class carrying the JAX-RS annotations: by name from the component or service
     * properties, which needs no instance; else the class of the service object itself.
     */
    private static Class<?> resourceClass(BundleContext context, ServiceReference<?> reference, Bundle bundle) {
        List<String> names = new ArrayList<>();
        if (reference.getProperty(ComponentConstants.COMPONENT_NAME) instanceof String name) {
            names.add(name);
        }
        if (reference.getProperty(Constants.OBJECTCLASS) instanceof String[] objectClasses) {
            names.addAll(List.of(objectClasses));
        }
        for (String name : names) {
            try {
                Class<?> type = bundle.loadClass(name);
                if (type.isAnnotationPresent(Path.class)) {
                    return type;
                }
            } catch (ClassNotFoundException e) {
                // a component name need not be a class name: try the next
            }
        }
        @SuppressWarnings("unchecked")
        ServiceObjects<Object> objects = context.getServiceObjects((ServiceReference<Object>) reference);
        Object service = objects == null ? null : objects.getService();
        if (service == null) {
            throw new IllegalStateException("the service object is not available");
        }
        try {
            return service.getClass();
        } finally {
            objects.ungetService(service);
        }
    }
}
