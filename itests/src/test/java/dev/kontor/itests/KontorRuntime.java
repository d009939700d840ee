package dev.kontor.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * The runtime's own view of the modules, next to what HTTP shows: the registered menu
 * items and permission sets, the REST resources the JAX-RS runtime serves and the
 * state of DS components. Bundles installed through it are uninstalled by
 * {@link #uninstallInstalled()}, bundles it stopped are started again by
 * {@link #restartStopped()}.
 */
final class KontorRuntime {

    private static final String MENU_ITEM = "dev.kontor.api.menu.MenuItem";
    private static final String PERMISSION_SET = "dev.kontor.api.security.PermissionSet";
    private static final String IDENTITY_PROVIDER = "dev.kontor.api.security.IdentityProvider";
    private static final String IDENTITY_PROVIDER_NAME = "kontor.identity.provider";

    private final BundleContext context;
    private final List<Bundle> installed = new ArrayList<>();
    private final List<Bundle> stopped = new ArrayList<>();

    KontorRuntime(BundleContext context) {
        this.context = context;
    }

    /** Installs and starts the jar named by a framework property of {@link KontorOptions}. */
    Bundle installAndStart(String jarProperty) throws BundleException {
        Bundle bundle = context.installBundle(jar(jarProperty).toUri().toString());
        installed.add(bundle);
        bundle.start();
        return bundle;
    }

    /** The content of the jar named by a framework property of {@link KontorOptions}. */
    InputStream open(String jarProperty) throws IOException {
        return Files.newInputStream(jar(jarProperty));
    }

    private Path jar(String jarProperty) {
        return Paths.get(context.getProperty(jarProperty));
    }

    /** Uninstalls what this runtime installed and lets the framework drop it for good. */
    void uninstallInstalled() throws BundleException {
        List<Bundle> gone = new ArrayList<>();
        for (Bundle bundle : installed) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
                gone.add(bundle);
            }
        }
        installed.clear();
        refresh(gone);
    }

    /** Stops a bundle the runtime started with, by symbolic name. */
    Bundle stop(String symbolicName) throws BundleException {
        Bundle bundle = Arrays.stream(context.getBundles()).filter(candidate -> symbolicName.equals(candidate.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("No bundle " + symbolicName));
        bundle.stop();
        stopped.add(bundle);
        return bundle;
    }

    /** Starts what {@link #stop} stopped and is still stopped, so a test that ended early leaves the runtime whole. */
    void restartStopped() throws BundleException {
        for (Bundle bundle : stopped) {
            if (bundle.getState() == Bundle.RESOLVED) {
                bundle.start();
            }
        }
        stopped.clear();
    }

    /** Refreshes the bundles and waits until the framework says it is done. */
    void refresh(Collection<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            assertTrue("the refresh of " + bundles + " ends in time", done.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during a refresh", e);
        }
    }

    /** The ids of every registered menu item. */
    Set<String> menuItemIds() {
        return serviceProperties(MENU_ITEM, reference -> List.of(String.valueOf(reference.getProperty("kontor.menu.id"))));
    }

    /** Every permission declared by a registered permission set. */
    Set<String> declaredPermissions() {
        return serviceProperties(PERMISSION_SET, reference -> reference.getProperty("kontor.permissions") instanceof String[] ids
                ? Arrays.asList(ids) : List.of(String.valueOf(reference.getProperty("kontor.permissions"))));
    }

    /**
     * The names ({@code kontor.identity.provider}) of the registered identity providers,
     * best first: the host asks the first, the one of the highest service ranking.
     */
    List<String> identityProviders() {
        return references(IDENTITY_PROVIDER).stream()
                .sorted(Comparator.reverseOrder()) // a reference compares greater when it ranks higher
                .map(reference -> String.valueOf(reference.getProperty(IDENTITY_PROVIDER_NAME)))
                .toList();
    }

    private Set<String> serviceProperties(String objectClass, Function<ServiceReference<?>, Collection<String>> values) {
        Set<String> found = new TreeSet<>();
        for (ServiceReference<?> reference : references(objectClass)) {
            found.addAll(values.apply(reference));
        }
        return found;
    }

    private List<ServiceReference<?>> references(String objectClass) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(objectClass, null);
            return references == null ? List.of() : Arrays.asList(references);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // there is no filter
        }
    }

    /** Whether the JAX-RS runtime serves a resource method under this path (as in {@code @Path}, e.g. {@code v1/hello}). */
    boolean servesResource(String path) {
        RuntimeDTO runtime = withService(JakartarsServiceRuntime.class, JakartarsServiceRuntime::getRuntimeDTO);
        List<ApplicationDTO> applications = new ArrayList<>(Arrays.asList(runtime.applicationDTOs));
        applications.add(runtime.defaultApplication);
        for (ApplicationDTO application : applications) {
            for (ResourceDTO resource : application.resourceDTOs) {
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    if (method.path != null && method.path.replaceFirst("^/", "").startsWith(path)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Why DS could not activate the bundle's component of this class, if it could not. */
    Optional<String> componentFailure(Bundle bundle, String implementationClass) {
        return withService(ServiceComponentRuntime.class, components -> componentFailure(components, bundle, implementationClass));
    }

    private static Optional<String> componentFailure(ServiceComponentRuntime components, Bundle bundle, String implementationClass) {
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
            if (implementationClass.equals(description.implementationClass)) {
                for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return Optional.of(configuration.failure);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private <S, R> R withService(Class<S> type, Function<S, R> use) {
        ServiceReference<S> reference = context.getServiceReference(type);
        S service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw new AssertionError("No " + type.getSimpleName() + " service");
        }
        try {
            return use.apply(service);
        } finally {
            context.ungetService(reference);
        }
    }
}
