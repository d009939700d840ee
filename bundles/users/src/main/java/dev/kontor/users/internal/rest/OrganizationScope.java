package dev.kontor.users.internal.rest;

import dev.kontor.api.security.Caller;
import dev.kontor.users.internal.UsersPermissions;
import jakarta.ws.rs.NotFoundException;

/**
 * The one scoping rule of this module's {@code /organizations/{org}/...} resources: the
 * current organization scopes every query (U12), so {@code {org}} must be the caller's
 * current organization, unless the caller is operator staff administering every
 * organization. Anything else answers exactly like a missing organization.
 *
 * <p>The permission itself is checked by the host before the method runs
 * ({@code @RequiresPermission}), in the caller's current organization.
 */
public final class OrganizationScope {

    private OrganizationScope() {
    }

    /**
     * The organization id of the path, once the caller may address it; one that cannot be
     * an id at all names nothing either ({@link PathIds}), also for operator staff.
     */
    public static String require(Caller caller, String organizationId) {
        if (organizationId != null && (organizationId.equals(caller.organizationId())
                || UsersPermissions.administersAll(caller))) {
            return PathIds.of(organizationId);
        }
        throw new NotFoundException();
    }
}
