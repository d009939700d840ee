package dev.kontor.api.module;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where each module is switched on: for the whole panel, for one organization, or for a
 * reseller and all its clients. The host asks it before it serves a module's menu items,
 * pages and REST resources, runs its {@link dev.kontor.api.schedule.ScheduledJob}s and
 * delivers events to its listeners, so a module gets the gate without code of its own.
 *
 * <p>The panel's module management registers one; while none is registered every module
 * is on everywhere. The service's {@link #REVISION_PROPERTY} grows with every change of
 * the rules, so a consumer that caches answers (the host's live menu) knows to ask again.
 *
 * @since 1.1
 */
@ProviderType
public interface ModuleGate {

    /** Service property (a {@code Long}) that grows whenever an answer may have changed. */
    String REVISION_PROPERTY = "kontor.gate.revision";

    /**
     * Whether the module is on for members of the organization: the organization's own
     * rule, else its reseller's, else the panel's, else on.
     */
    boolean isEnabled(String moduleId, String organizationId);

    /** Whether the module is on for the panel as a whole, the rule for organizations without one of their own. */
    boolean isEnabledForPanel(String moduleId);
}
