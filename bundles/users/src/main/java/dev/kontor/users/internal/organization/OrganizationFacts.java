package dev.kontor.users.internal.organization;

import dev.kontor.users.internal.access.OrganizationKind;
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

/**
 * What roles, invitations, workgroups and clients need to know of an organization: its
 * name, its kind (roles and products give more in the operator's and a reseller's), and who its
 * members are.
 */
public record OrganizationFacts(String id, String name, OrganizationKind kind) {

    public static Optional<OrganizationFacts> of(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, operator, reseller FROM users_organization WHERE id = ?")) {
            select.setString(1, organizationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new OrganizationFacts(row.getString(1), row.getString(2),
                        OrganizationKind.of(row.getBoolean(3), row.getBoolean(4))))
                        : Optional.empty();
            }
        }
    }

    public boolean operator() {
        return kind == OrganizationKind.OPERATOR;
    }

    public boolean hasMember(Connection connection, String userId) throws SQLException {
        return notMembers(connection, List.of(userId)).isEmpty();
    }

    /** Those of the logins that are not members of this organization, in the order given. */
    public List<String> notMembers(Connection connection, Collection<String> userIds) throws SQLException {
        if (userIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(userIds.size(), "?"));
        Set<String> members = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT user_id FROM users_membership "
                + "WHERE organization_id = ? AND user_id IN (" + marks + ")")) {
            select.setString(1, id);
            int index = 2;
            for (String userId : userIds) {
                select.setString(index++, userId);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    members.add(row.getString(1));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String userId : userIds) {
            if (!members.contains(userId)) {
                missing.add(userId);
            }
        }
        return missing;
    }
}
