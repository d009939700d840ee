package dev.kontor.users.internal.organization;

import jakarta.ws.rs.NotFoundException;
import dev.kontor.users.internal.access.OrganizationKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The row locks that make membership rules hold under concurrent requests. Every change
 * of an organization's members or roles first locks the organization's row, so two
 * owners demoting each other are served one after the other and the second counts the
 * owners the first left (U6). A change that may delete a login, or add one to another
 * organization, then locks the login's row, so a login is never deleted while it joins
 * elsewhere (U1). Always in this order, organization before login, so no two changes
 * wait for each other.
 */
public final class Locks {

    private Locks() {
    }

    /** Locks the organization until the transaction ends; empty when there is none. */
    public static Optional<LockedOrganization> organization(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, operator, reseller FROM users_organization WHERE id = ? FOR UPDATE")) {
            select.setString(1, organizationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new LockedOrganization(row.getString(1),
                        OrganizationKind.of(row.getBoolean(2), row.getBoolean(3)))) : Optional.empty();
            }
        }
    }

    /**
     * Locks the organization until the transaction ends.
     *
     * @throws NotFoundException when there is none
     */
    static LockedOrganization organizationOrNotFound(Connection connection, String organizationId) throws SQLException {
        return organization(connection, organizationId).orElseThrow(NotFoundException::new);
    }

    /** Locks the login until the transaction ends; false when there is none. */
    public static boolean login(Connection connection, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM users_login WHERE id = ? FOR UPDATE")) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** How many owners the organization has; meaningful once the organization is locked. */
    static int owners(Connection connection, String organizationId) throws SQLException {
        return Sql.count(connection, "SELECT COUNT(*) FROM users_membership WHERE organization_id = ? AND role_id = 'owner'",
                organizationId);
    }

    /** How many organizations the login belongs to; meaningful once the login is locked. */
    static int memberships(Connection connection, String userId) throws SQLException {
        return Sql.count(connection, "SELECT COUNT(*) FROM users_membership WHERE user_id = ?", userId);
    }

    /** A locked organization: its id and kind. */
    public record LockedOrganization(String id, OrganizationKind kind) {

        public boolean operator() {
            return kind == OrganizationKind.OPERATOR;
        }
    }
}
