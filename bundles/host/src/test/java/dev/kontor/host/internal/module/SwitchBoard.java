package dev.kontor.host.internal.module;

import dev.kontor.api.module.ModuleGate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ModuleGate} as module management would answer it, kept in memory: modules
 * switched off for the panel or for single organizations.
 */
public final class SwitchBoard implements ModuleGate {

    private final Set<String> offForPanel = ConcurrentHashMap.newKeySet();
    private final Set<String> offForOrganization = ConcurrentHashMap.newKeySet();

    public SwitchBoard offForPanel(String module) {
        offForPanel.add(module);
        return this;
    }

    public SwitchBoard offFor(String module, String organizationId) {
        offForOrganization.add(module + "@" + organizationId);
        return this;
    }

    public SwitchBoard onFor(String module, String organizationId) {
        offForOrganization.remove(module + "@" + organizationId);
        return this;
    }

    /** A gate bound to a fresh {@link PanelGate}, as DS would bind it. */
    public PanelGate bound() {
        PanelGate gate = new PanelGate();
        gate.bindGate(this);
        return gate;
    }

    @Override
    public boolean isEnabled(String moduleId, String organizationId) {
        return !offForOrganization.contains(moduleId + "@" + organizationId) && isEnabledForPanel(moduleId);
    }

    @Override
    public boolean isEnabledForPanel(String moduleId) {
        return !offForPanel.contains(moduleId);
    }
}
