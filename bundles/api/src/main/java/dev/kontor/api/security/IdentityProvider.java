package dev.kontor.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Authenticates logins and tells what they may do. The host has a built-in provider
 * that knows only the operator login {@code admin}; a registered service of this type
 * (the users module's) replaces it while it is registered, and the highest service
 * ranking wins when there are several.
 *
 * <p>{@link #refresh} is called on every authenticated request, so a provider ends a
 * suspended or removed login's sessions at once by answering empty (C4, U10).
 */
@ConsumerType
public interface IdentityProvider {

    /**
     * Checks a username and password.
     *
     * @return the identity in the login's default organization, or empty when the
     *         credentials are wrong or the login may not log in
     */
    Optional<Identity> authenticate(String username, char[] password);

    /**
     * The current state of a login that holds a session, acting in the given
     * organization.
     *
     * @return empty when the login no longer exists, may no longer log in, or is not a
     *         member of that organization
     */
    Optional<Identity> refresh(String userId, String organizationId);
}
