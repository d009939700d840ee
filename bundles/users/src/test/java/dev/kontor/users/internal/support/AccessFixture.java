package dev.kontor.users.internal.support;

import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * The world of the support and token tests: {@link UsersFixture} over two other product
 * modules besides the users module itself, with the operator's support staff and
 * membership changes that bypass the rules the members tests are about.
 */
public final class AccessFixture extends UsersFixture {

    /** A product: sites to view (its read-only permission) and to edit. */
    public static final String HOSTING = "hosting";
    public static final String SITES_VIEW = "hosting.sites.view";
    public static final String SITES_EDIT = "hosting.sites.edit";
    /** Another product, to show that a grant stays within its content type. */
    public static final String MAIL = "mail";
    public static final String BOXES_VIEW = "mail.boxes.view";
    public static final String BOXES_EDIT = "mail.boxes.edit";

    public AccessFixture(DatabaseKind kind) {
        super(kind, List.of(usersModule(), product(HOSTING, SITES_VIEW, SITES_EDIT), product(MAIL, BOXES_VIEW, BOXES_EDIT)));
    }

    /** One of the operator's support staff: an administrator of the operator's organization, so holding users.support.use. */
    public String supportStaff(String username) {
        return member(IdentityProvider.OPERATOR_ORGANIZATION_ID, username, "administrator");
    }

    /** Removes a member, as the members resource does: the row, and access made stale with the commit (U10). */
    public void remove(String organizationId, String userId) {
        database.runInTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM users_membership WHERE organization_id = ? AND user_id = ?")) {
                delete.setString(1, organizationId);
                delete.setString(2, userId);
                delete.executeUpdate();
            }
            access.changedAfterCommit();
        });
    }

    public void changeRole(String organizationId, String userId, String role) {
        database.runInTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users_membership SET role_id = ?, version = version + 1 WHERE organization_id = ? AND user_id = ?")) {
                update.setString(1, role);
                update.setString(2, organizationId);
                update.setString(3, userId);
                update.executeUpdate();
            }
            access.changedAfterCommit();
        });
    }
}
