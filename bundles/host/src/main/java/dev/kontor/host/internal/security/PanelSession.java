package dev.kontor.host.internal.security;

import java.time.Instant;

/**
 * A browser login: the session cookie's value maps to one of these. Immutable; a
 * switch of organization replaces the entry in the {@link SessionStore}.
 */
record PanelSession(String id, String userId, String organizationId, String csrfToken, Instant expiresAt) {

    PanelSession withOrganization(String organization) {
        return new PanelSession(id, userId, organization, csrfToken, expiresAt);
    }

    PanelSession withExpiry(Instant expiry) {
        return new PanelSession(id, userId, organizationId, csrfToken, expiry);
    }
}
