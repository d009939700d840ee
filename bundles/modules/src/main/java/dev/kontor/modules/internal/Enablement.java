package dev.kontor.modules.internal;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The enablement rules with their in-memory snapshot: answers come from the snapshot, a
 * change writes the table and, once committed, loads the snapshot again and raises the
 * revision.
 */
final class Enablement {

    /** The module management itself: switching it off would lock the operator out of switching anything on. */
    static final String SELF = "modules";

    private final Database database;
    private final EnablementStore store;
    private final AuditLog audit;
    private final LongConsumer revised;
    private final AtomicLong revision = new AtomicLong(1);
    private volatile EnablementRules rules = EnablementRules.NONE;

    /**
     * @param revised told the new revision after every committed change
     */
    Enablement(Database database, AuditLog audit, LongConsumer revised) {
        this.database = database;
        this.store = new EnablementStore(database);
        this.audit = audit;
        this.revised = revised;
        this.rules = new EnablementRules(store.all());
    }

    long revision() {
        return revision.get();
    }

    boolean isEnabled(String moduleId, String organizationId, Function<String, Optional<String>> resellerOf) {
        return rules.isEnabled(moduleId, organizationId, resellerOf);
    }

    boolean isEnabledForPanel(String moduleId) {
        return rules.isEnabledForPanel(moduleId);
    }

    List<EnablementRule> rulesOf(String moduleId) {
        return rules.of(moduleId);
    }

    /** Switches the module on or off for the scope, replacing the scope's earlier rule. */
    EnablementRule set(Caller caller, String moduleId, Scope scope, String scopeId, boolean enabled) {
        String target = checkedScopeId(scope, scopeId);
        if (SELF.equals(moduleId) && !enabled) {
            throw new ValidationException("enabled", "module management cannot be switched off");
        }
        EnablementRule rule = new EnablementRule(moduleId, scope, target, enabled, Instant.now(), caller.userId());
        database.runInTransaction(connection -> {
            store.put(rule);
            audit.record(caller, enabled ? "modules.enable" : "modules.disable", "module:" + moduleId,
                    AuditOutcome.SUCCESS, describe(scope, target));
            database.afterCommit(this::reload);
        });
        return rule;
    }

    /** Deletes the scope's rule, so the next broader one answers; false when there was none. */
    boolean remove(Caller caller, String moduleId, Scope scope, String scopeId) {
        String target = checkedScopeId(scope, scopeId);
        return database.inTransaction(connection -> {
            if (!store.delete(moduleId, scope, target)) {
                return false;
            }
            audit.record(caller, "modules.rule.delete", "module:" + moduleId, AuditOutcome.SUCCESS, describe(scope, target));
            database.afterCommit(this::reload);
            return true;
        });
    }

    /** Loads the rules again, from another node's change too, and tells the new revision. */
    void reload() {
        rules = new EnablementRules(store.all());
        revised.accept(revision.incrementAndGet());
    }

    private static String checkedScopeId(Scope scope, String scopeId) {
        String id = scopeId == null || scopeId.isBlank() ? null : scopeId.trim();
        if (scope == Scope.PANEL) {
            if (id != null) {
                throw new ValidationException("scope_id", "the panel's rule names no organization");
            }
            return null;
        }
        if (id == null) {
            throw new ValidationException("scope_id", "required for scope " + scope.id());
        }
        if (id.length() > 100) {
            throw new ValidationException("scope_id", "at most 100 characters");
        }
        return id;
    }

    private static String describe(Scope scope, String scopeId) {
        return scopeId == null ? "scope: " + scope.id() : "scope: " + scope.id() + " " + scopeId;
    }
}
