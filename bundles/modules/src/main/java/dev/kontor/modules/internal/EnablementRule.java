package dev.kontor.modules.internal;

import java.time.Instant;

/**
 * One rule: the module is on or off for the scope. {@code scopeId} is the organization
 * (a reseller by its organization id), null for the panel.
 */
public record EnablementRule(String moduleId, Scope scope, String scopeId, boolean enabled, Instant changedAt,
        String changedBy) {
}
