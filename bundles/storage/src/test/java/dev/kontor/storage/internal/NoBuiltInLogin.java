package dev.kontor.storage.internal;

import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import java.util.Optional;

/**
 * The host's built-in login as the users module sees it where nobody uses it: every
 * login of a test or benchmark has a password of its own, so it knows no one.
 */
public final class NoBuiltInLogin implements IdentityProvider {

    @Override
    public Optional<Identity> authenticate(String username, char[] password) {
        return Optional.empty();
    }

    @Override
    public Optional<Identity> refresh(String userId, String organizationId) {
        return Optional.empty();
    }
}
