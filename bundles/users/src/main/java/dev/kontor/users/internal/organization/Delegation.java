package dev.kontor.users.internal.organization;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.access.OrganizationKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may hand out or take away which access in one organization (U2), the one rule
 * for members, invitations, workgroups and roles: nobody gives a role, product or group
 * carrying a permission they do not hold themselves, nor changes or removes a member
 * holding such a permission; and only an owner (or operator staff administering every
 * organization) appoints, invites, demotes or removes an owner. Without this, an
 * administrator could make themselves owner, and managing members would be a way to
 * any permission.
 */
public final class Delegation {

    private final Connection connection;
    private final Caller caller;
    private final String organizationId;
    private final OrganizationKind kind;
    private final DeclaredPermissions.Catalog catalog;

    /** The rule for the caller in an organization of the given kind. */
    public Delegation(Connection connection, Caller caller, String organizationId, OrganizationKind kind,
            DeclaredPermissions.Catalog catalog) {
        this.connection = connection;
        this.caller = caller;
        this.organizationId = organizationId;
        this.kind = kind;
        this.catalog = catalog;
    }

    static Delegation in(Connection connection, Caller caller, Locks.LockedOrganization organization,
            DeclaredPermissions.Catalog catalog) {
        return new Delegation(connection, caller, organization.id(), organization.kind(), catalog);
    }

    /**
     * The caller may deal in this role and these products: give them to a member, or
     * change or remove a member who holds them now.
     *
     * @throws ProblemException 403 {@code owner-required} or {@code exceeds-own-access}
     */
    public void requireMayAssign(String roleId, Collection<String> products) throws SQLException {
        if (BuiltInRole.OWNER.id().equals(roleId)) {
            requireOwner();
        }
        Set<String> permissions = AccessQuery.rolePermissions(connection, catalog, organizationId, kind, roleId);
        permissions.addAll(catalog.ofProducts(products, kind));
        requireHolds(caller, permissions);
    }

    /**
     * The caller may give these products (to a group, say) or take them away.
     *
     * @throws ProblemException 403 {@code exceeds-own-access}
     */
    public void requireMayAssignProducts(Collection<String> products) {
        requireHolds(caller, catalog.ofProducts(products, kind));
    }

    /**
     * The caller holds every one of the permissions.
     *
     * @throws ProblemException 403 {@code exceeds-own-access} naming what the caller lacks
     */
    public static void requireHolds(Caller caller, Collection<String> permissions) {
        Set<String> lacking = new TreeSet<>(permissions);
        lacking.removeIf(caller::has);
        if (!lacking.isEmpty()) {
            throw Refusals.exceedsOwnAccess(lacking);
        }
    }

    private void requireOwner() throws SQLException {
        if (UsersPermissions.administersAll(caller)) {
            return;
        }
        if (!Memberships.find(connection, organizationId, caller.userId()).map(Memberships.Row::roleId)
                .filter(BuiltInRole.OWNER.id()::equals).isPresent()) {
            throw Refusals.ownerRequired();
        }
    }
}
