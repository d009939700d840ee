package dev.kontor.api.users;

import java.time.Instant;
import java.util.Set;

/**
 * Access an organization gives another organization's members.
 *
 * @param id the grant's id
 * @param organizationId the organization that gives access
 * @param granteeOrganizationId the organization whose members get it
 * @param products empty: full access (what an administrator holds); else these
 *        products' permissions
 * @param granteeUserIds empty: every member of the grantee; else only these logins
 * @param createdAt when it was given
 */
public record AccessGrant(String id, String organizationId, String granteeOrganizationId, Set<String> products,
        Set<String> granteeUserIds, Instant createdAt) {

    public AccessGrant {
        products = Set.copyOf(products);
        granteeUserIds = Set.copyOf(granteeUserIds);
    }

    /** Whether the grant gives full access rather than chosen products. */
    public boolean full() {
        return products.isEmpty();
    }

    /** What {@link Accounts#grant} is asked for; the sets as in {@link AccessGrant}. */
    public record Request(String organizationId, String granteeOrganizationId, Set<String> products,
            Set<String> granteeUserIds) {

        public Request {
            products = products == null ? Set.of() : Set.copyOf(products);
            granteeUserIds = granteeUserIds == null ? Set.of() : Set.copyOf(granteeUserIds);
        }
    }
}
