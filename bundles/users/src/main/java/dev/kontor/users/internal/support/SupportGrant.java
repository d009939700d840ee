package dev.kontor.users.internal.support;

import java.time.Instant;

/**
 * One support grant as the API shows it (U11): access of the operator's support staff to
 * one content type of an organization.
 *
 * @param id the grant's id
 * @param contentType the product (module id) the grant is for
 * @param grantedBy id of the login that granted it
 * @param createdAt when it was granted
 * @param expiresAt when it ends by itself
 * @param state {@code active}, {@code revoked} or {@code expired}
 */
public record SupportGrant(String id, String contentType, String grantedBy, Instant createdAt, Instant expiresAt, String state) {

    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";
    public static final String EXPIRED = "expired";

    public boolean active() {
        return ACTIVE.equals(state);
    }

    /** The state at a moment: a revocation counts before the expiry, since it was asked for. */
    static String stateAt(Instant now, Instant expiresAt, Instant revokedAt) {
        if (revokedAt != null) {
            return REVOKED;
        }
        return now.isBefore(expiresAt) ? ACTIVE : EXPIRED;
    }
}
