package dev.kontor.storage.internal;

import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import java.util.Locale;

/**
 * A caller as the host makes it from an identity provider's answer, calling from the
 * given address: for the tests of modules whose rules depend on what the identity holds.
 */
public record IdentityCaller(Identity identity, String sourceAddress) implements Caller {

    @Override
    public String getName() {
        return identity.username();
    }

    @Override
    public String userId() {
        return identity.userId();
    }

    @Override
    public String username() {
        return identity.username();
    }

    @Override
    public String organizationId() {
        return identity.organizationId();
    }

    @Override
    public Locale locale() {
        return Locale.forLanguageTag(identity.language());
    }

    @Override
    public boolean has(String permission) {
        return identity.permissions().contains(Identity.ALL_PERMISSIONS) || identity.permissions().contains(permission);
    }

    @Override
    public boolean isOperator() {
        return identity.operator();
    }
}
