package dev.kontor.host.internal.security;

/**
 * A browser login: the session cookie's value maps to one of these. Immutable; a
 * switch of organization replaces it in the {@link SessionStore}.
 */
record PanelSession(String id, String userId, String organizationId, String csrfToken) {

    PanelSession withOrganization(String organization) {
        return new PanelSession(id, userId, organization, csrfToken);
    }
}
