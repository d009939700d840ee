package dev.kontor.host.internal.module;

import dev.kontor.api.module.ModuleFailures;
import dev.kontor.api.module.ModuleLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every bundle with a {@code Kontor-Module} header, with its state for the operator. A
 * module is {@code failed} when its bundle did not start, when one of its components
 * threw while activating, or when it threw while the host was serving it (menu,
 * request) or the panel reported it failed (a migration, say); the failure is cleared
 * when the bundle stops, is updated or uninstalled, so a new start shows only its own.
 */
@Component(service = {ModuleRegistry.class, ModuleFailures.class})
public class ModuleRegistry implements ModuleFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);

    private final ServiceComponentRuntime components;
    private final BundleTracker<String> tracker;
    private final Map<Long, Failure> failures = new ConcurrentHashMap<>();
    /** Bundles between STARTING and STARTED: a STOPPING in between means the start failed. */
    private final Map<Long, Boolean> starting = new ConcurrentHashMap<>();
    /** Bundles whose last start failed: their STOPPED must keep that failure. */
    private final Set<Long> failedStarts = ConcurrentHashMap.newKeySet();
    /** Bundles being started once more to learn why they failed: their events must not start another round. */
    private final Set<Long> diagnosing = ConcurrentHashMap.newKeySet();
    private final ExecutorService diagnosis = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kontor-module-diagnosis");
        thread.setDaemon(true);
        return thread;
    });
    private final SynchronousBundleListener startWatcher = this::bundleChanged;
    private final BundleContext context;

    @Activate
    public ModuleRegistry(BundleContext context, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
        this.tracker = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                return moduleId(bundle).orElse(null);
            }
        };
        context.addBundleListener(startWatcher);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(startWatcher);
        tracker.close();
        diagnosis.shutdownNow();
    }

    /** The module id of a bundle, when it is a module. */
    public static Optional<String> moduleId(Bundle bundle) {
        String id = bundle.getHeaders("").get(ModuleLayout.HEADER);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.trim());
    }

    /** The module whose bundle loaded the class: a resource's or a service's module; empty for the host's own classes. */
    public static Optional<String> moduleOf(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        return bundle == null ? Optional.empty() : moduleId(bundle);
    }

    /** The active bundle of a module, the one whose pages and labels are served. */
    public Optional<Bundle> activeBundle(String moduleId) {
        return tracker.getTracked().entrySet().stream()
                .filter(entry -> entry.getValue().equals(moduleId) && entry.getKey().getState() == Bundle.ACTIVE)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public List<ModuleInfo> modules() {
        List<ModuleInfo> modules = new ArrayList<>();
        tracker.getTracked().forEach((bundle, id) -> modules.add(describe(bundle, id)));
        modules.sort(Comparator.comparing(ModuleInfo::id).thenComparing(ModuleInfo::bundleId));
        return modules;
    }

    /** Records that a module failed while the panel was serving it; the module shows as failed. */
    @Override
    public void report(Bundle bundle, String reason) {
        if (moduleId(bundle).isPresent()) {
            failures.put(bundle.getBundleId(), new Failure(reason, Instant.now()));
            LOG.warn("Module bundle {} failed: {}", bundle.getSymbolicName(), reason);
        }
    }

    /**
     * The module bundle whose code is on the stack of a failure, nearest the throw
     * first: that is the module to blame when a request fails.
     */
    public Optional<Bundle> moduleOf(Throwable failure) {
        Map<Bundle, String> modules = tracker.getTracked();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            for (StackTraceElement element : current.getStackTrace()) {
                String entry = element.getClassName().replace('.', '/') + ".class";
                for (Bundle bundle : modules.keySet()) {
                    if (bundle.getState() == Bundle.ACTIVE && bundle.getEntry(entry) != null) {
                        return Optional.of(bundle);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private ModuleInfo describe(Bundle bundle, String id) {
        String name = Optional.ofNullable(bundle.getHeaders("").get("Bundle-Name")).orElse(id);
        Failure failure = failures.get(bundle.getBundleId());
        if (failure == null && bundle.getState() == Bundle.ACTIVE) {
            failure = componentFailure(bundle);
        }
        ModuleState state = failure != null ? ModuleState.FAILED
                : bundle.getState() == Bundle.ACTIVE ? ModuleState.ACTIVE : ModuleState.STOPPED;
        return new ModuleInfo(id, name, bundle.getSymbolicName(), bundle.getVersion().toString(), bundle.getBundleId(),
                state, failure == null ? null : failure.reason(), failure == null ? null : failure.at());
    }

    private Failure componentFailure(Bundle bundle) {
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return new Failure("Component " + description.name + " failed to activate: " + firstLine(configuration.failure), null);
                }
            }
        }
        return null;
    }

    private void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        long id = bundle.getBundleId();
        switch (event.getType()) {
            case BundleEvent.STARTING -> starting.put(id, Boolean.TRUE);
            case BundleEvent.STARTED -> {
                starting.remove(id);
                // It started after all (say on a later try): only the failure of a start is over.
                failures.computeIfPresent(id, (key, failure) -> failure.ofStart() ? null : failure);
            }
            case BundleEvent.STOPPING -> {
                if (starting.remove(id) != null && moduleId(bundle).isPresent()) {
                    failedStarts.add(id);
                    failures.put(id, new Failure("The bundle failed to start.", Instant.now(), true));
                    if (diagnosing.add(id)) {
                        diagnosis.execute(() -> diagnoseStart(bundle));
                    }
                }
            }
            case BundleEvent.STOPPED -> {
                // A stop forgets old failures, so the next start shows only its own. Not the
                // start itself: the panel reports a failed migration while the bundle is STARTING,
                // and synchronous listeners are not called in a fixed order.
                if (!failedStarts.remove(id)) {
                    failures.remove(id);
                }
            }
            case BundleEvent.UPDATED, BundleEvent.UNINSTALLED, BundleEvent.UNRESOLVED -> {
                starting.remove(id);
                failedStarts.remove(id);
                failures.remove(id);
            }
            default -> {
                // other events do not change a module's state
            }
        }
    }

    /**
     * The framework does not say why a start failed, only that it did; starting the
     * bundle once more, transiently, hands the activator's exception to us.
     */
    private void diagnoseStart(Bundle bundle) {
        try {
            if (bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.UNINSTALLED) {
                bundle.start(Bundle.START_TRANSIENT);
            }
        } catch (BundleException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            failures.put(bundle.getBundleId(), new Failure("The bundle failed to start: " + cause, Instant.now(), true));
        } finally {
            diagnosing.remove(bundle.getBundleId());
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown reason";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    /** @param ofStart whether the bundle failed to start, rather than failing while it ran */
    private record Failure(String reason, Instant at, boolean ofStart) {

        Failure(String reason, Instant at) {
            this(reason, at, false);
        }
    }
}
