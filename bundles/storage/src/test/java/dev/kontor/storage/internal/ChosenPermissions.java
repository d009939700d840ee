package dev.kontor.storage.internal;

import dev.kontor.api.security.Caller;
import java.util.Locale;
import java.util.Set;

/**
 * A real caller holding other permissions than its role gives it, everything else its
 * own: a custom role of the operator's staff, or a reseller's staff with some of the
 * reseller's permissions. For the authorization tests of every module.
 */
public record ChosenPermissions(Caller caller, Set<String> permissions) implements Caller {

    public ChosenPermissions(Caller caller, String... permissions) {
        this(caller, Set.of(permissions));
    }

    @Override
    public String getName() {
        return caller.getName();
    }

    @Override
    public String userId() {
        return caller.userId();
    }

    @Override
    public String username() {
        return caller.username();
    }

    @Override
    public String organizationId() {
        return caller.organizationId();
    }

    @Override
    public Locale locale() {
        return caller.locale();
    }

    @Override
    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public String sourceAddress() {
        return caller.sourceAddress();
    }

    @Override
    public boolean isOperator() {
        return caller.isOperator();
    }
}
