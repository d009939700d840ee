package dev.kontor.host.internal.module;

import dev.kontor.api.module.ModuleGate;
import dev.kontor.api.security.Caller;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the host asks whether a module is switched on: for its menu items, pages,
 * REST resources, scheduled jobs. Asks the best registered {@link ModuleGate} (highest
 * ranking); without one every module is on everywhere. The host's own things (no module)
 * and the module management itself are never gated, so the operator can always switch a
 * module back on.
 */
@Component(service = PanelGate.class)
public class PanelGate {

    /** The module that manages the others: switching it off would lock the operator out. */
    public static final String MANAGEMENT_MODULE = "modules";

    private static final Logger LOG = LoggerFactory.getLogger(PanelGate.class);

    private final AtomicReference<ModuleGate> gate = new AtomicReference<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindGate(ModuleGate gate) {
        this.gate.set(gate);
        LOG.info("Module gate {} in charge", gate.getClass().getName());
        changed();
    }

    /** The gate's revision grew: its answers may differ now. */
    public void updatedGate(ModuleGate gate) {
        changed();
    }

    public void unbindGate(ModuleGate gate) {
        // A better-ranked gate is bound before the old one goes: only the current one is cleared.
        if (this.gate.compareAndSet(gate, null)) {
            LOG.info("Module gate {} gone: every module is on everywhere", gate.getClass().getName());
            changed();
        }
    }

    /** Tells the listener whenever answers may have changed: a gate came, went or changed its rules. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Whether the module is on for members of the organization; for no organization (an
     * anonymous request) the panel's rule holds.
     */
    public boolean isEnabled(String moduleId, String organizationId) {
        ModuleGate current = gate.get();
        if (current == null || exempt(moduleId)) {
            return true;
        }
        return organizationId == null ? current.isEnabledForPanel(moduleId) : current.isEnabled(moduleId, organizationId);
    }

    /** Whether the module is on for the panel as a whole. */
    public boolean isEnabledForPanel(String moduleId) {
        ModuleGate current = gate.get();
        return current == null || exempt(moduleId) || current.isEnabledForPanel(moduleId);
    }

    /** Whether the caller (in their current organization), or an anonymous one, may be served by the module. */
    public boolean admits(String moduleId, Optional<? extends Caller> caller) {
        return isEnabled(moduleId, caller.map(Caller::organizationId).orElse(null));
    }

    private static boolean exempt(String moduleId) {
        return moduleId == null || MANAGEMENT_MODULE.equals(moduleId);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
