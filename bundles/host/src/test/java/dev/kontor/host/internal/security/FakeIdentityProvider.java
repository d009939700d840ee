package dev.kontor.host.internal.security;

import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An identity provider as the users module would be one: logins with a password, API
 * tokens acting as a login with some permissions. The provider is the boundary of the
 * host's security code, so tests stand in for it here.
 */
final class FakeIdentityProvider implements IdentityProvider {

    static final String PASSWORD = "fake-password";

    private final Map<String, Identity> logins = new ConcurrentHashMap<>();
    private final Map<String, Identity> tokens = new ConcurrentHashMap<>();

    static Identity identity(String username, String organizationId, String... permissions) {
        return new Identity("user-" + username, username, "Name of " + username, organizationId,
                List.of(new Identity.OrganizationMembership(organizationId, "Organization " + organizationId)),
                Set.of(permissions), false, "de");
    }

    FakeIdentityProvider withLogin(Identity identity) {
        logins.put(identity.username(), identity);
        return this;
    }

    FakeIdentityProvider withToken(String token, Identity identity) {
        tokens.put(token, identity);
        return this;
    }

    void revoke(String token) {
        tokens.remove(token);
    }

    @Override
    public Optional<Identity> authenticate(String username, char[] password) {
        return PASSWORD.equals(new String(password)) ? Optional.ofNullable(logins.get(username)) : Optional.empty();
    }

    @Override
    public Optional<Identity> refresh(String userId, String organizationId) {
        return logins.values().stream()
                .filter(identity -> identity.userId().equals(userId) && identity.organizationId().equals(organizationId))
                .findFirst();
    }

    @Override
    public Optional<Identity> authenticateBearer(String token) {
        return Optional.ofNullable(tokens.get(token));
    }
}
