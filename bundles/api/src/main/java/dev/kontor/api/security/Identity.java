package dev.kontor.api.security;

import java.util.List;
import java.util.Set;

/**
 * A login as an {@link IdentityProvider} knows it, in one of its organizations.
 *
 * @param userId opaque id of the login
 * @param username login name
 * @param displayName name to show
 * @param organizationId the organization this identity acts in
 * @param organizations every organization the login may switch to (U12)
 * @param permissions what the login may do in {@code organizationId}
 * @param operator whether the login belongs to the panel operator's staff
 * @param language preferred language tag ({@code en}, {@code de})
 */
public record Identity(
        String userId,
        String username,
        String displayName,
        String organizationId,
        List<OrganizationMembership> organizations,
        Set<String> permissions,
        boolean operator,
        String language) {

    /** Permission held by the operator's built-in login: every permission. */
    public static final String ALL_PERMISSIONS = "*";

    public Identity {
        organizations = List.copyOf(organizations);
        permissions = Set.copyOf(permissions);
    }

    /** One organization a login belongs to, as shown in the organization switcher. */
    public record OrganizationMembership(String id, String name) {
    }
}
