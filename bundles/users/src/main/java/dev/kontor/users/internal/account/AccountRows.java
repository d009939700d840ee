package dev.kontor.users.internal.account;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.users.Account;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.organization.Locks;
import dev.kontor.users.internal.organization.TextFields;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The statements of accounts on {@code users_organization} and what hangs on it. */
final class AccountRows {

    private AccountRows() {
    }

    /**
     * Locks a customer's organization until the transaction ends: suspension, removal and
     * grants of one organization are served one after the other, and after membership
     * changes (which lock it too).
     *
     * @throws NotFoundException when there is no such organization
     * @throws ProblemException 409 {@code operator-organization} for the operator's own
     */
    static void lockCustomer(Connection connection, String organizationId) throws SQLException {
        if (!TextFields.plausibleId(organizationId)) {
            throw new NotFoundException();
        }
        if (Locks.organization(connection, organizationId).orElseThrow(NotFoundException::new).operator()) {
            throw new ProblemException(409, "operator-organization",
                    "The operator's own organization is no account: it cannot be suspended, removed or give partner access.");
        }
    }

    /** The account of a customer's organization; its owner is the one who joined first. */
    static Optional<Account> find(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT o.id, o.name, o.suspended, m.user_id "
                + "FROM users_organization o LEFT JOIN users_membership m ON m.organization_id = o.id AND m.role_id = ? "
                + "WHERE o.id = ? AND o.operator = FALSE ORDER BY m.joined_at, m.user_id")) {
            select.setString(1, BuiltInRole.OWNER.id());
            select.setString(2, organizationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Account(row.getString(1), row.getString(2), row.getString(4), row.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    /** Sets the organization's suspension; false when it was so already. */
    static boolean setSuspended(Connection connection, String organizationId, boolean suspended) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_organization SET suspended = ?, "
                + "version = version + 1 WHERE id = ? AND suspended <> ?")) {
            update.setBoolean(1, suspended);
            update.setString(2, organizationId);
            update.setBoolean(3, suspended);
            return update.executeUpdate() == 1;
        }
    }

    /** Makes the organization a reseller or ends that; false when it was so already. */
    static boolean setReseller(Connection connection, String organizationId, boolean reseller) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_organization SET reseller = ?, "
                + "version = version + 1 WHERE id = ? AND reseller <> ?")) {
            update.setBoolean(1, reseller);
            update.setString(2, organizationId);
            update.setBoolean(3, reseller);
            return update.executeUpdate() == 1;
        }
    }

    /** The lower-case e-mail addresses of the organization's members. */
    static Set<String> memberAddresses(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT LOWER(l.email) FROM users_membership m "
                + "JOIN users_login l ON l.id = m.user_id WHERE m.organization_id = ?")) {
            select.setString(1, organizationId);
            Set<String> addresses = new TreeSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (row.getString(1) != null) {
                        addresses.add(row.getString(1));
                    }
                }
            }
            return addresses;
        }
    }

    /** The organization's members, in the order their logins are locked in (by id). */
    static List<String> members(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT user_id FROM users_membership WHERE organization_id = ? ORDER BY user_id")) {
            select.setString(1, organizationId);
            List<String> members = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    members.add(row.getString(1));
                }
            }
            return members;
        }
    }

    /**
     * Deletes the organization with its roles, workgroups, invitations, grants given and
     * received, OAuth clients and tokens: their keys cascade.
     */
    static void delete(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users_organization WHERE id = ?")) {
            delete.setString(1, organizationId);
            delete.executeUpdate();
        }
    }
}
