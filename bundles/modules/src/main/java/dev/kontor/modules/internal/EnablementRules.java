package dev.kontor.modules.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable snapshot of every enablement rule, indexed for the question asked on every
 * request: is the module on for this organization?
 */
final class EnablementRules {

    static final EnablementRules NONE = new EnablementRules(List.of());

    private final Map<String, ModuleRules> byModule;
    private final List<EnablementRule> all;

    EnablementRules(List<EnablementRule> rules) {
        Map<String, ModuleRules> index = new HashMap<>();
        for (EnablementRule rule : rules) {
            ModuleRules module = index.computeIfAbsent(rule.moduleId(), id -> new ModuleRules());
            switch (rule.scope()) {
                case PANEL -> module.panel = rule.enabled();
                case ORGANIZATION -> module.organizations.put(rule.scopeId(), rule.enabled());
                case RESELLER -> module.resellers.put(rule.scopeId(), rule.enabled());
            }
        }
        this.byModule = Map.copyOf(index);
        this.all = List.copyOf(rules);
    }

    /**
     * The organization's own rule, else the reseller rule of the organization itself (a
     * reseller's own staff), else the rule of the reseller it is a client of, else the
     * panel's, else on.
     *
     * @param resellerOf the reseller (organization id) of an organization's client
     *        account, asked only when the module has reseller rules at all
     */
    boolean isEnabled(String moduleId, String organizationId, Function<String, Optional<String>> resellerOf) {
        ModuleRules rules = byModule.get(moduleId);
        if (rules == null) {
            return true;
        }
        if (organizationId != null) {
            Boolean own = rules.organizations.get(organizationId);
            if (own != null) {
                return own;
            }
            if (!rules.resellers.isEmpty()) {
                Boolean asReseller = rules.resellers.get(organizationId);
                if (asReseller != null) {
                    return asReseller;
                }
                Optional<Boolean> ofReseller = resellerOf.apply(organizationId).map(rules.resellers::get);
                if (ofReseller.isPresent()) {
                    return ofReseller.get();
                }
            }
        }
        return rules.panel == null || rules.panel;
    }

    boolean isEnabledForPanel(String moduleId) {
        ModuleRules rules = byModule.get(moduleId);
        return rules == null || rules.panel == null || rules.panel;
    }

    /** The rules of one module, as stored. */
    List<EnablementRule> of(String moduleId) {
        return all.stream().filter(rule -> rule.moduleId().equals(moduleId)).toList();
    }

    /** Mutable only while the snapshot is built in the constructor. */
    private static final class ModuleRules {
        private Boolean panel;
        private final Map<String, Boolean> organizations = new HashMap<>();
        private final Map<String, Boolean> resellers = new HashMap<>();
    }
}
