package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.security.Caller;
import java.util.Locale;
import java.util.Set;

/** A real caller with other permissions than its role gives: a custom role of the operator's staff, say. */
record Acting(Caller caller, Set<String> permissions) implements Caller {

    Acting(Caller caller, String... permissions) {
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
