package dev.kontor.users.internal.account;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.users.Account;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.organization.TextFields;
import jakarta.ws.rs.NotFoundException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
        lockCustomers(connection, List.of(organizationId));
    }

    /**
     * Locks customers' organizations until the transaction ends, in id order (so that two
     * bulk changes never wait for each other in a circle).
     *
     * @throws NotFoundException when one of them does not exist
     * @throws ProblemException 409 when one of them is the operator's
     */
    static void lockCustomers(Connection connection, Collection<String> organizationIds) throws SQLException {
        if (!organizationIds.stream().allMatch(TextFields::plausibleId)) {
            throw new NotFoundException();
        }
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, operator FROM users_organization WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            select.setArray(1, connection.createArrayOf("VARCHAR", organizationIds.toArray(new String[0])));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (row.getBoolean(2)) {
                        throw new ProblemException(409, "operator-organization", "The operator's own organization is no "
                                + "account: it cannot be suspended, removed or give partner access.");
                    }
                    found.add(row.getString(1));
                }
            }
        }
        if (!found.containsAll(organizationIds)) {
            throw new NotFoundException();
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

    /**
     * Sets the organizations' suspension, on rows the caller locked.
     *
     * @return the ids of those that were not so already, in id order
     */
    static List<String> setSuspended(Connection connection, Collection<String> organizationIds, boolean suspended)
            throws SQLException {
        Array ids = connection.createArrayOf("VARCHAR", organizationIds.toArray(new String[0]));
        List<String> changing = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM users_organization WHERE id = ANY(?) AND suspended <> ? ORDER BY id")) {
            select.setArray(1, ids);
            select.setBoolean(2, suspended);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    changing.add(row.getString(1));
                }
            }
        }
        if (!changing.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE users_organization SET suspended = ?, "
                    + "version = version + 1 WHERE id = ANY(?) AND suspended <> ?")) {
                update.setBoolean(1, suspended);
                update.setArray(2, ids);
                update.setBoolean(3, suspended);
                update.executeUpdate();
            }
        }
        return changing;
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
