package dev.kontor.modules.internal;

import dev.kontor.api.module.ModuleLayout;
import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.storage.Database;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every version of every module the panel runs, with the permissions its
 * {@link PermissionSet} services declare ({@code kontor.permissions}, as the host reads
 * them): a module without permissions when its bundle becomes active, each permission
 * set as it registers.
 */
@Component(service = ReleaseTracker.class, immediate = true)
public class ReleaseTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseTracker.class);
    private final ReleaseStore store;
    private final BundleTracker<String> modules;

    @Activate
    public ReleaseTracker(@Reference Database database, BundleContext context) {
        this.store = new ReleaseStore(database);
        this.modules = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                return ModuleBundles.moduleId(bundle).map(id -> {
                    record(id, bundle, List.of());
                    return id;
                }).orElse(null);
            }
        };
        modules.open();
    }

    @Deactivate
    void deactivate() {
        modules.close();
    }

    ReleaseStore store() {
        return store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPermissionSet(ServiceReference<PermissionSet> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return;
        }
        Object ids = reference.getProperty("kontor.permissions");
        List<String> permissions = ids instanceof String[] array ? List.of(array)
                : ids instanceof String single ? List.of(single) : List.of();
        ModuleBundles.moduleId(bundle).ifPresent(id -> record(id, bundle, permissions));
    }

    void removePermissionSet(ServiceReference<PermissionSet> reference) {
        // A version keeps what it declared; the next version's sets say what changed.
    }

    private void record(String moduleId, Bundle bundle, List<String> permissions) {
        try {
            store.record(moduleId, bundle.getVersion().toString(), permissions, Instant.now());
        } catch (RuntimeException e) {
            // Release history is for the operator's eyes; it must not keep a module from starting.
            LOG.warn("Module {}: release {} not recorded: {}", moduleId, bundle.getVersion(), e.toString());
        }
    }
}
