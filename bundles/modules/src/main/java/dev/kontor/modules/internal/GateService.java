package dev.kontor.modules.internal;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientDirectory;
import dev.kontor.api.module.ModuleGate;
import dev.kontor.api.storage.Database;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Publishes the {@link ModuleGate}. It registers the gate itself rather than through DS:
 * DS offers a component no way to change its own service properties, and
 * {@link ModuleGate#REVISION_PROPERTY} must grow with every change of the rules.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=dev.kontor.api.module.ModuleGate",
        uses = ModuleGate.class)
@Component(service = GateService.class, immediate = true)
public class GateService {

    private final Enablement enablement;
    private final Object registrationLock = new Object();
    private ServiceRegistration<ModuleGate> registration;

    /** Only needed for reseller rules; without the clients module no organization has a reseller. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClientDirectory clients;

    @Activate
    public GateService(@Reference Database database, @Reference AuditLog audit, BundleContext context) {
        this.enablement = new Enablement(database, audit, this::revised);
        synchronized (registrationLock) {
            registration = context.registerService(ModuleGate.class, new Gate(), properties(enablement.revision()));
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (registrationLock) {
            registration.unregister();
            registration = null;
        }
    }

    Enablement enablement() {
        return enablement;
    }

    private void revised(long revision) {
        synchronized (registrationLock) {
            if (registration != null) {
                registration.setProperties(properties(revision));
            }
        }
    }

    private Optional<String> resellerOf(String organizationId) {
        ClientDirectory directory = clients;
        return directory == null ? Optional.empty()
                : directory.byOrganization(organizationId).map(Client::resellerId);
    }

    private static Dictionary<String, Object> properties(long revision) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ModuleGate.REVISION_PROPERTY, revision);
        return properties;
    }

    private final class Gate implements ModuleGate {

        @Override
        public boolean isEnabled(String moduleId, String organizationId) {
            return enablement.isEnabled(moduleId, organizationId, GateService.this::resellerOf);
        }

        @Override
        public boolean isEnabledForPanel(String moduleId) {
            return enablement.isEnabledForPanel(moduleId);
        }
    }
}
