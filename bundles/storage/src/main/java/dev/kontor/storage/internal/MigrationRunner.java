package dev.kontor.storage.internal;

import dev.kontor.api.module.ModuleFailures;
import dev.kontor.api.module.ModuleLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's migrations when its bundle starts, before any of its components
 * can run (a synchronous listener sees STARTING first), and remembers which modules
 * failed: they get no {@code Database}, so nothing of theirs runs against a schema it
 * does not expect.
 */
@Component(service = MigrationRunner.class)
public class MigrationRunner {

    static final String FOLDER = ModuleLayout.MIGRATIONS_FOLDER;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final Migrator migrator;
    private final BundleContext context;
    private final Map<Long, String> failures = new ConcurrentHashMap<>();
    private final SynchronousBundleListener listener = this::bundleChanged;
    private volatile ModuleFailures reporter;

    @Activate
    public MigrationRunner(BundleContext context, @Reference SharedTransactions shared) {
        this.context = context;
        this.migrator = new Migrator(shared.transactions(), shared.kind());
        context.addBundleListener(listener);
        // Modules that started before storage did are brought up to date now, before Database is offered to them.
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                migrate(bundle);
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setReporter(ModuleFailures reporter) {
        this.reporter = reporter;
        failures.forEach((id, reason) -> Optional.ofNullable(context.getBundle(id)).ifPresent(b -> reporter.report(b, reason)));
    }

    void unsetReporter(ModuleFailures reporter) {
        if (this.reporter == reporter) {
            this.reporter = null;
        }
    }

    /** Why the module's schema is not usable, or empty when it is up to date. */
    Optional<String> failureOf(Bundle bundle) {
        return Optional.ofNullable(failures.get(bundle.getBundleId()));
    }

    private void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.STARTING -> migrate(event.getBundle());
            case BundleEvent.UNINSTALLED -> failures.remove(event.getBundle().getBundleId());
            default -> {
                // only a start brings new migrations
            }
        }
    }

    private void migrate(Bundle bundle) {
        String module = bundle.getHeaders("").get(ModuleLayout.HEADER);
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.sql", false);
        failures.remove(bundle.getBundleId());
        if (module == null || entries == null) {
            return;
        }
        try {
            List<Migration> migrations = new ArrayList<>();
            while (entries.hasMoreElements()) {
                URL entry = entries.nextElement();
                String name = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
                try (InputStream in = entry.openStream()) {
                    migrations.add(Migration.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            migrator.migrate(module.trim(), migrations);
        } catch (MigrationException | IOException e) {
            String reason = e.getMessage();
            failures.put(bundle.getBundleId(), reason);
            LOG.error("Module {}: {}", module, reason);
            ModuleFailures current = reporter;
            if (current != null) {
                current.report(bundle, reason);
            }
        }
    }
}
