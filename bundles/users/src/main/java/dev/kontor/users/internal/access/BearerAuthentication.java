package dev.kontor.users.internal.access;

import dev.kontor.api.security.Identity;
import java.util.Optional;

/**
 * Checks the bearer tokens this module issues (personal API tokens and OAuth access
 * tokens, U13); implemented where the tokens are stored.
 */
public interface BearerAuthentication {

    /** The identity a token acts as, limited to its scopes; empty when unknown, expired or revoked. */
    Optional<Identity> authenticate(String token);
}
