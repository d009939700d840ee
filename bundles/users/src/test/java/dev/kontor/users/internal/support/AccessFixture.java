package dev.kontor.users.internal.support;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.Ids;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.login.Logins;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The world of the support and token tests: a migrated users database with the audit
 * trail beside it, two product modules besides the users module itself, a clock that
 * moves only when told, and the real {@link Access} over all of it. The access cache
 * keeps entries for an hour, so a test sees a change only when the change makes them
 * stale, never because time passed.
 */
public final class AccessFixture {

    /** A product: sites to view (its read-only permission) and to edit. */
    public static final String HOSTING = "hosting";
    public static final String SITES_VIEW = "hosting.sites.view";
    public static final String SITES_EDIT = "hosting.sites.edit";
    /** Another product, to show that a grant stays within its content type. */
    public static final String MAIL = "mail";
    public static final String BOXES_VIEW = "mail.boxes.view";
    public static final String BOXES_EDIT = "mail.boxes.edit";
    public static final String SOURCE_ADDRESS = "198.51.100.23";
    public static final Duration CACHE_AGE = Duration.ofHours(1);

    public final TestDatabase database;
    public final AuditLogService audit;
    public final DeclaredPermissions declared = new DeclaredPermissions();
    public final MutableClock clock = new MutableClock(Instant.parse("2030-03-01T10:00:00Z"));
    public final Access access;

    public AccessFixture(DatabaseKind kind) {
        database = TestDatabase.migrated(kind, "users").withModule("audit", AuditLogService.class);
        audit = new AuditLogService(database);
        declared.declare(List.of(
                new DeclaredPermissions.Declaration("users",
                        Set.of(UsersPermissions.PROFILE, UsersPermissions.MEMBERS_VIEW, UsersPermissions.MEMBERS_MANAGE,
                                UsersPermissions.SUPPORT_VIEW, UsersPermissions.SUPPORT_MANAGE, UsersPermissions.CLIENTS_MANAGE,
                                UsersPermissions.SUPPORT_USE, UsersPermissions.ORGANIZATIONS_ALL),
                        Set.of(UsersPermissions.PROFILE, UsersPermissions.MEMBERS_VIEW), Set.of(UsersPermissions.PROFILE),
                        Set.of(UsersPermissions.PROFILE, UsersPermissions.MEMBERS_VIEW, UsersPermissions.SUPPORT_VIEW),
                        Set.of(UsersPermissions.SUPPORT_MANAGE),
                        Set.of(UsersPermissions.SUPPORT_USE, UsersPermissions.ORGANIZATIONS_ALL)),
                product(HOSTING, SITES_VIEW, SITES_EDIT),
                product(MAIL, BOXES_VIEW, BOXES_EDIT)));
        access = new Access(database, new AccessQuery(declared, clock), CACHE_AGE.toMillis(), clock);
        database.runInTransaction(Logins::ensureOperatorAdmin);
    }

    /** A module declaring a permission to view (held by basic and reports access) and one to edit. */
    private static DeclaredPermissions.Declaration product(String module, String view, String edit) {
        return new DeclaredPermissions.Declaration(module, Set.of(view, edit), Set.of(view), Set.of(), Set.of(view), Set.of(),
                Set.of());
    }

    public String organization(String name) {
        String id = Ids.newId("org");
        database.runInTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO users_organization (id, name, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
        });
        return id;
    }

    /** A new login that is a member of the organization with the built-in role. */
    public String member(String organizationId, String username, String role) {
        String id = database.inTransaction(connection -> Logins.create(connection,
                new Logins.NewLogin(username, username + "@example.com", username, "en"), null).id());
        join(organizationId, id, role);
        return id;
    }

    /** One of the operator's support staff: an administrator of the operator's organization, so holding users.support.use. */
    public String supportStaff(String username) {
        return member(IdentityProvider.OPERATOR_ORGANIZATION_ID, username, "administrator");
    }

    public void join(String organizationId, String userId, String role) {
        database.runInTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_membership "
                    + "(organization_id, user_id, role_id, joined_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, organizationId);
                insert.setString(2, userId);
                insert.setString(3, role);
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            access.changedAfterCommit();
        });
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

    /** The login acting in the organization as the host would build it: from its access there, from a known address. */
    public Caller caller(String userId, String organizationId) {
        Identity identity = access.of(userId, organizationId)
                .orElseThrow(() -> new AssertionError(userId + " has no access to " + organizationId)).identity();
        return new IdentityCaller(identity, SOURCE_ADDRESS);
    }

    /** The organization's audit entries of one action, oldest first. */
    public List<AuditRow> audit(String organizationId, String action) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT actor_id, target, source_address, outcome, detail "
                    + "FROM audit_entry WHERE organization_id = ? AND action = ? ORDER BY id")) {
                select.setString(1, organizationId);
                select.setString(2, action);
                List<AuditRow> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new AuditRow(row.getString(1), row.getString(2), row.getString(3),
                                AuditOutcome.valueOf(row.getString(4)), row.getString(5)));
                    }
                }
                return rows;
            }
        });
    }

    /** One audit entry, as far as the tests look at it. */
    public record AuditRow(String actorId, String target, String sourceAddress, AuditOutcome outcome, String detail) {
    }

    /** A caller holding what its identity holds, like the host's. */
    public record IdentityCaller(Identity identity, String sourceAddress) implements Caller {

        @Override
        public String getName() {
            return identity.username();
        }

        @Override
        public String userId() {
            return identity.userId();
        }

        @Override
        public String username() {
            return identity.username();
        }

        @Override
        public String organizationId() {
            return identity.organizationId();
        }

        @Override
        public Locale locale() {
            return Locale.ENGLISH;
        }

        @Override
        public boolean has(String permission) {
            return identity.permissions().contains(permission);
        }

        @Override
        public boolean isOperator() {
            return identity.operator();
        }
    }
}
