package dev.kontor.conformance;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/**
 * What the module contributes while it runs, read from the services its bundle registered
 * (menu items, permission sets, REST resources) and from its classes: the contributions
 * as the panel receives them, not as the module's source declares them.
 */
final class ModuleView {

    static final String MENU_ITEM = "dev.kontor.api.menu.MenuItem";
    static final String PERMISSION_SET = "dev.kontor.api.security.PermissionSet";
    private static final String RESOURCE_PROPERTY = "osgi.jakartars.resource";
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final String REQUIRES_PERMISSION = "dev.kontor.api.security.RequiresPermission";
    private static final String PUBLIC_ENDPOINT = "dev.kontor.api.security.PublicEndpoint";

    private final Bundle bundle;

    ModuleView(Bundle bundle) {
        this.bundle = bundle;
    }

    /** A menu entry as registered: id, label key, page. */
    record MenuEntry(String id, String label, String page) {
    }

    /**
     * One REST method: HTTP method, path as declared ({@code /api/v1/clients/{id}}), where
     * it is declared, and its declared policy.
     */
    record Endpoint(String httpMethod, String template, String declaredIn, Optional<String> permission, boolean isPublic) {

        /** How an author names the method: {@code GET /api/v1/clients/{id}}. */
        String name() {
            return httpMethod + " " + template;
        }

        /** The path to call: each path parameter filled with a value that names nothing. */
        String path() {
            return template.replaceAll("\\{[^}]*}", "conformance-check");
        }

        @Override
        public String toString() {
            return name() + " (" + declaredIn + ")";
        }
    }

    String moduleId() {
        return Optional.ofNullable(bundle.getHeaders("").get("Kontor-Module")).map(String::trim).orElse(null);
    }

    List<MenuEntry> menuEntries() {
        List<MenuEntry> entries = new ArrayList<>();
        for (ServiceReference<?> reference : services()) {
            if (provides(reference, MENU_ITEM)) {
                entries.add(new MenuEntry(String.valueOf(reference.getProperty("kontor.menu.id")),
                        String.valueOf(reference.getProperty("kontor.menu.label")),
                        String.valueOf(Optional.ofNullable(reference.getProperty("kontor.menu.page")).orElse("index.html"))));
            }
        }
        return entries;
    }

    Set<String> permissions() {
        Set<String> permissions = new TreeSet<>();
        for (ServiceReference<?> reference : services()) {
            if (provides(reference, PERMISSION_SET)) {
                Object declared = reference.getProperty("kontor.permissions");
                if (declared instanceof String[] ids) {
                    permissions.addAll(Arrays.asList(ids));
                } else if (declared instanceof Collection<?> ids) {
                    ids.forEach(id -> permissions.add(String.valueOf(id)));
                } else if (declared != null) {
                    permissions.add(String.valueOf(declared));
                }
            }
        }
        return permissions;
    }

    /** The ids of the bundle's services that are REST resources of the whiteboard. */
    List<Long> resourceServiceIds() {
        return resources().stream().map(reference -> (Long) reference.getProperty("service.id")).toList();
    }

    /** Every resource method of every REST resource the bundle registered. */
    List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (ServiceReference<?> reference : resources()) {
            Class<?> resource = resourceClass(reference);
            String root = resource == null ? null : pathOf(resource);
            if (root == null) {
                continue; // not annotated: the whiteboard cannot serve it either
            }
            for (Method method : resource.getMethods()) {
                httpMethod(method).ifPresent(http -> endpoints.add(new Endpoint(http, requestPath(root, pathOf(method)),
                        resource.getSimpleName() + "." + method.getName(), permission(method, resource),
                        annotation(method, PUBLIC_ENDPOINT).isPresent() || annotation(resource, PUBLIC_ENDPOINT).isPresent())));
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::template).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    /** The class whose annotations the whiteboard reads: the registered type, else the service object's own class. */
    private Class<?> resourceClass(ServiceReference<?> reference) {
        for (String name : (String[]) reference.getProperty("objectClass")) {
            try {
                Class<?> type = bundle.loadClass(name);
                if (annotation(type, PATH).isPresent()) {
                    return type;
                }
            } catch (ClassNotFoundException notOurs) {
                // an interface of another bundle, e.g. Object: look at the instance below
            }
        }
        Object service = bundle.getBundleContext().getService(reference);
        try {
            return service == null ? null : service.getClass();
        } finally {
            bundle.getBundleContext().ungetService(reference);
        }
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(HTTP_METHOD)) {
                    return Optional.of(String.valueOf(Reflection.value(meta)));
                }
            }
        }
        return Optional.empty();
    }

    /** The method's permission wins over the class's, as the host reads them. */
    private static Optional<String> permission(Method method, Class<?> resource) {
        return annotation(method, REQUIRES_PERMISSION).or(() -> annotation(resource, REQUIRES_PERMISSION))
                .map(Reflection::value).map(value -> value instanceof String[] all ? String.join(", ", all) : String.valueOf(value));
    }

    private static String pathOf(AnnotatedElement element) {
        return annotation(element, PATH).map(Reflection::value).map(String::valueOf).orElse(null);
    }

    /** {@code /api/} + the class's and the method's path. */
    private static String requestPath(String root, String sub) {
        String path = "/api/" + root + (sub == null ? "" : "/" + sub);
        return path.replaceAll("/{2,}", "/").replaceAll("(.)/$", "$1");
    }

    private static Optional<Annotation> annotation(AnnotatedElement element, String type) {
        return Arrays.stream(element.getAnnotations()).filter(annotation -> annotation.annotationType().getName().equals(type))
                .findFirst();
    }

    private List<ServiceReference<?>> resources() {
        return services().stream().filter(reference -> {
            Object flag = reference.getProperty(RESOURCE_PROPERTY);
            return Boolean.TRUE.equals(flag) || "true".equalsIgnoreCase(String.valueOf(flag));
        }).toList();
    }

    private List<ServiceReference<?>> services() {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        return registered == null ? List.of() : Arrays.asList(registered);
    }

    private static boolean provides(ServiceReference<?> reference, String type) {
        return Arrays.asList((String[]) reference.getProperty("objectClass")).contains(type);
    }

    /** The bundle's class loader while it is resolved, to recognise its threads after it stopped. */
    ClassLoader classLoader() {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring == null ? null : wiring.getClassLoader();
    }

    /** The packages of the bundle's own classes. */
    Set<String> packages() {
        Set<String> packages = new TreeSet<>();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring != null) {
            for (String resource : wiring.listResources("/", "*.class", BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL)) {
                int slash = resource.lastIndexOf('/');
                packages.add(slash < 0 ? "" : resource.substring(0, slash).replace('/', '.'));
            }
        }
        return packages;
    }
}
