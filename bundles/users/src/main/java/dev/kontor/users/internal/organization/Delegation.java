package dev.kontor.users.internal.organization;

import dev.kontor.api.security.Caller;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.DeclaredPermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;

/**
 * Who may hand out or take away which access in one organization (U2): nobody gives a
 * role or product access carrying a permission they do not hold themselves, nor changes
 * or removes a member holding such a permission; and only an owner (or operator staff
 * administering every organization) appoints, demotes or removes an owner. Without
 * this, an administrator could make themselves owner.
 */
final class Delegation {

    private final Connection connection;
    private final Caller caller;
    private final Locks.LockedOrganization organization;
    private final DeclaredPermissions.Catalog catalog;

    Delegation(Connection connection, Caller caller, Locks.LockedOrganization organization, DeclaredPermissions.Catalog catalog) {
        this.connection = connection;
        this.caller = caller;
        this.organization = organization;
        this.catalog = catalog;
    }

    /**
     * The caller may deal in this role and these products: give them to a member, or
     * change or remove a member who holds them now.
     */
    void requireMayAssign(String roleId, Collection<String> products) throws SQLException {
        if (BuiltInRole.OWNER.id().equals(roleId)) {
            requireOwner();
        }
        requireHolds(caller, accessOf(roleId, products));
    }

    /** The caller holds every one of the permissions. */
    static void requireHolds(Caller caller, Collection<String> permissions) {
        if (!permissions.stream().allMatch(caller::has)) {
            throw Refusals.exceedsOwnAccess();
        }
    }

    private Set<String> accessOf(String roleId, Collection<String> products) throws SQLException {
        Set<String> permissions = AccessQuery.rolePermissions(connection, catalog, organization.id(), organization.operator(),
                roleId);
        products.forEach(product -> permissions.addAll(catalog.ofProduct(product, organization.operator())));
        return permissions;
    }

    private void requireOwner() throws SQLException {
        if (caller.isOperator() && caller.has(UsersPermissions.ORGANIZATIONS_ALL)) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT role_id FROM users_membership WHERE organization_id = ? AND user_id = ?")) {
            select.setString(1, organization.id());
            select.setString(2, caller.userId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !BuiltInRole.OWNER.id().equals(row.getString(1))) {
                    throw Refusals.ownerRequired();
                }
            }
        }
    }
}
