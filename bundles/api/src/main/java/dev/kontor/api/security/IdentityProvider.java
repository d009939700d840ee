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
     * Service property naming a provider. The host registers its built-in operator login
     * as a provider with this property set to {@link #BUILT_IN} (and the lowest ranking),
     * so that a replacing provider can still let it check the operator's first password.
     */
    String NAME_PROPERTY = "kontor.identity.provider";

    /** {@link #NAME_PROPERTY} of the host's built-in operator login. */
    String BUILT_IN = "built-in";

    /** Id of the panel operator's organization, the same under every provider. */
    String OPERATOR_ORGANIZATION_ID = "operator";

    /** Id of the operator login {@code admin} that exists from the first start. */
    String OPERATOR_ADMIN_ID = "operator-admin";

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

    /**
     * Checks a bearer token of an API client ({@code Authorization: Bearer ...}, U13).
     * Called on every request that carries one, so a revoked token, or the token of a
     * login removed from its organization, stops working at once.
     *
     * @return the identity the token acts as, with only the permissions its scopes
     *         allow, or empty when the token is unknown, expired or revoked
     */
    default Optional<Identity> authenticateBearer(String token) {
        return Optional.empty();
    }
}
