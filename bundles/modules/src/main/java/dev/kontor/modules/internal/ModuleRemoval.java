package dev.kontor.modules.internal;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.module.RemovalPolicy;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import jakarta.ws.rs.NotFoundException;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a module as the operator decides: stop its bundle, keep, export or drop its
 * tables, uninstall the bundle, record it in the audit trail.
 */
@Component(service = ModuleRemoval.class)
public class ModuleRemoval {

    static final String EXPORTS_FOLDER = "module-exports";
    private static final Pattern EXPORT_FILE = Pattern.compile("[a-z0-9_-]+-\\d{8}T\\d{6}Z\\.json");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRemoval.class);

    private final BundleContext context;
    private final Database database;
    private final ModuleData data;
    private final AuditLog audit;
    private final Path exports;

    @Activate
    public ModuleRemoval(@Reference Database database, @Reference AuditLog audit, BundleContext context) {
        this.context = context;
        this.database = database;
        this.data = new ModuleData(database);
        this.audit = audit;
        String folder = context.getProperty("kontor.data");
        this.exports = Paths.get(folder == null || folder.isBlank() ? "data" : folder).resolve(EXPORTS_FOLDER);
    }

    /** The module's tables as its migrations create them, with their row counts now. */
    Map<String, Long> tables(Bundle bundle) {
        return data.counts(MigrationTables.created(ModuleBundles.migrations(bundle)));
    }

    /** What removing would do: the policy and the rows per table, changing nothing. */
    Removal plan(String moduleId, RemovalPolicy requested) {
        Bundle bundle = bundleOf(moduleId);
        RemovalPolicy policy = requested == null ? ModuleBundles.declaredPolicy(bundle) : requested;
        return new Removal(moduleId, name(policy), true, tables(bundle), null);
    }

    /** Removes the module; a failure while its data is handled starts the bundle again. */
    Removal remove(Caller caller, String moduleId, RemovalPolicy requested) {
        Bundle bundle = bundleOf(moduleId);
        RemovalPolicy policy = requested == null ? ModuleBundles.declaredPolicy(bundle) : requested;
        List<String> tables = MigrationTables.created(ModuleBundles.migrations(bundle));
        Map<String, Long> counts = data.counts(tables);
        stop(bundle);
        String exportFile = null;
        try {
            if (policy == RemovalPolicy.EXPORT) {
                Path file = exports.resolve(moduleId + "-" + STAMP.format(Instant.now()) + ".json");
                data.export(moduleId, tables, file);
                exportFile = file.getFileName().toString();
            }
            String detail = "policy: " + name(policy) + ", rows: " + counts
                    + (exportFile == null ? "" : ", export: " + exportFile);
            database.runInTransaction(connection -> {
                if (policy != RemovalPolicy.KEEP) {
                    data.drop(moduleId, tables);
                }
                audit.record(caller, "modules.remove", "module:" + moduleId, AuditOutcome.SUCCESS, detail);
            });
        } catch (RuntimeException e) {
            restart(bundle);
            throw e;
        }
        uninstall(bundle);
        LOG.info("Module {}: removed with policy {} by {}", moduleId, policy, caller.userId());
        return new Removal(moduleId, name(policy), false, counts, exportFile);
    }

    /** An export file by its name, or empty for a name that is not one the panel writes. */
    Optional<Path> exportFile(String name) {
        if (name == null || !EXPORT_FILE.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = exports.resolve(name);
        return file.toFile().isFile() ? Optional.of(file) : Optional.empty();
    }

    static String name(RemovalPolicy policy) {
        return policy.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Bundle bundleOf(String moduleId) {
        if (Enablement.SELF.equals(moduleId)) {
            throw new ValidationException("id", "module management cannot remove itself");
        }
        Bundle bundle = ModuleBundles.find(context, moduleId).orElseThrow(() -> new NotFoundException("No module " + moduleId));
        List<String> dependents = dependents(bundle);
        if (!dependents.isEmpty()) {
            throw new ProblemException(409, "module-in-use", "Module " + moduleId + " is used by " + String.join(", ", dependents)
                    + ": remove those first, or switch " + moduleId + " off where it is not wanted.");
        }
        return bundle;
    }

    /**
     * The other modules that use a service of this one (the audit trail, the client
     * directory): removing it would break them. The panel's own bundles are not counted.
     */
    static List<String> dependents(Bundle bundle) {
        Set<String> modules = new TreeSet<>();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        for (ServiceReference<?> service : registered == null ? new ServiceReference<?>[0] : registered) {
            Bundle[] users = service.getUsingBundles();
            for (Bundle user : users == null ? new Bundle[0] : users) {
                if (user.getBundleId() != bundle.getBundleId()) {
                    ModuleBundles.moduleId(user).filter(id -> !Enablement.SELF.equals(id)).ifPresent(modules::add);
                }
            }
        }
        return List.copyOf(modules);
    }

    private static void stop(Bundle bundle) {
        try {
            bundle.stop();
        } catch (BundleException e) {
            throw new IllegalStateException("Module bundle " + bundle.getSymbolicName() + " did not stop", e);
        }
    }

    private static void restart(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            LOG.warn("Module bundle {} did not start again after a failed removal: {}", bundle.getSymbolicName(), e.toString());
        }
    }

    /**
     * Uninstalls the bundle and, when it came from the panel's {@code deploy/} folder,
     * deletes its jar there: else FileInstall would install it again.
     */
    private static void uninstall(Bundle bundle) {
        String location = bundle.getLocation();
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new IllegalStateException("Module bundle " + bundle.getSymbolicName() + " did not uninstall", e);
        }
        if (location != null && location.startsWith("file:")) {
            File jar = new File(URI.create(location));
            File folder = jar.getParentFile();
            if (folder != null && "deploy".equals(folder.getName()) && !jar.delete()) {
                LOG.warn("Jar {} of a removed module could not be deleted", jar);
            }
        }
    }

    /**
     * A removal done, or planned ({@code dryRun}): the policy, the rows per table (before
     * the removal) and the export file's name under {@code <data>/module-exports/}.
     */
    public record Removal(String module, String policy, boolean dryRun, Map<String, Long> tables, String exportFile) {
    }
}
