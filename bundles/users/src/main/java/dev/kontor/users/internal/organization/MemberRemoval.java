package dev.kontor.users.internal.organization;

import dev.kontor.api.security.IdentityProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * What removing a member from an organization takes with it (U10): their workgroup
 * memberships and leads there, and their tokens for that organization; and, when it was
 * the login's only organization, the login itself with all its tokens (U1). Runs inside
 * the caller's transaction, with the organization already locked.
 */
public final class MemberRemoval {

    private MemberRemoval() {
    }

    /**
     * Removes the membership.
     *
     * @param leaving whether the member leaves by themselves: then their only
     *        organization is refused rather than their login deleted
     * @return whether the login was deleted with its last membership
     */
    public static boolean remove(Connection connection, String organizationId, String userId, boolean leaving) throws SQLException {
        Locks.login(connection, userId);
        boolean last = Locks.memberships(connection, userId) <= 1;
        if (last && leaving) {
            throw Refusals.lastOrganization();
        }
        if (last && IdentityProvider.OPERATOR_ADMIN_ID.equals(userId)) {
            throw Refusals.builtInLogin();
        }
        Sql.execute(connection, "DELETE FROM users_workgroup_member WHERE user_id = ? AND workgroup_id IN "
                + "(SELECT id FROM users_workgroup WHERE organization_id = ?)", userId, organizationId);
        Sql.execute(connection, "UPDATE users_workgroup SET lead_user_id = NULL, version = version + 1 "
                + "WHERE lead_user_id = ? AND organization_id = ?", userId, organizationId);
        try (PreparedStatement revoke = connection.prepareStatement("UPDATE users_token SET revoked_at = ? "
                + "WHERE user_id = ? AND organization_id = ? AND revoked_at IS NULL")) {
            revoke.setTimestamp(1, Timestamp.from(Instant.now()));
            revoke.setString(2, userId);
            revoke.setString(3, organizationId);
            revoke.executeUpdate();
        }
        Sql.execute(connection, "DELETE FROM users_membership WHERE user_id = ? AND organization_id = ?", userId, organizationId);
        if (last) {
            // users_token has no key to the login (OAuth clients' tokens have none): its rows go explicitly.
            Sql.execute(connection, "DELETE FROM users_token WHERE user_id = ?", userId);
            Sql.execute(connection, "DELETE FROM users_login WHERE id = ?", userId);
        }
        return last;
    }
}
