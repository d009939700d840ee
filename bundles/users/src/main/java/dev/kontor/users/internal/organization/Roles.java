package dev.kontor.users.internal.organization;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.access.OrganizationKind;
import dev.kontor.users.internal.access.Words;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The roles of an organization (U8): the built-in ones, whose permissions follow from
 * what the installed modules declare, and custom roles, each a set of permissions
 * stored in {@code users_role}. A custom role may hold only declared permissions, never
 * one reserved for the operator in a customer's organization, and only ones its author
 * holds. Changes lock the organization's row, like membership changes, so a role is
 * never deleted while a member is being given it.
 */
@Component(service = Roles.class)
public class Roles {

    static final int MAX_NAME = 100;
    static final int MAX_PERMISSIONS = 500;

    private final Database database;
    private final Trail trail;
    private final Access access;
    private final DeclaredPermissions declared;

    @Activate
    public Roles(@Reference Database database, @Reference AuditLog audit, @Reference Access access,
            @Reference DeclaredPermissions declared) {
        this.database = database;
        this.trail = new Trail(audit);
        this.access = access;
        this.declared = declared;
    }

    /** The English name of a built-in role. */
    public static String nameOf(BuiltInRole role) {
        return switch (role) {
            case OWNER -> "Owner";
            case ADMINISTRATOR -> "Administrator";
            case BILLING -> "Billing";
            case REPORTS -> "Reports access";
            case BASIC -> "Basic access";
        };
    }

    /** The built-in roles, then the custom ones by name, with what each gives in the organization now. */
    public List<Role> list(String organizationId) {
        DeclaredPermissions.Catalog catalog = declared.catalog();
        return database.inTransaction(connection -> {
            OrganizationKind kind = OrganizationFacts.of(connection, organizationId).orElseThrow(NotFoundException::new).kind();
            Map<String, Integer> members = memberCounts(connection, organizationId);
            List<Role> roles = new ArrayList<>();
            for (BuiltInRole role : BuiltInRole.values()) {
                roles.add(new Role(role.id(), nameOf(role), true, List.copyOf(new TreeSet<>(catalog.of(role, kind))),
                        members.getOrDefault(role.id(), 0), null));
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT id, name, permissions, version FROM users_role "
                    + "WHERE organization_id = ? ORDER BY LOWER(name), id")) {
                select.setString(1, organizationId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        roles.add(custom(row, catalog, kind, members));
                    }
                }
            }
            return roles;
        });
    }

    /** One role of the organization, built-in or custom. */
    public Optional<Role> find(String organizationId, String id) {
        return list(organizationId).stream().filter(role -> role.id().equals(id)).findFirst();
    }

    /** Creates a custom role in the caller's current organization. */
    public Role create(Caller caller, RoleRequest request) {
        String organizationId = caller.organizationId();
        String name = TextFields.name("name", request == null ? null : request.name(), MAX_NAME);
        DeclaredPermissions.Catalog catalog = declared.catalog();
        return database.inTransaction(connection -> {
            Locks.LockedOrganization organization = Locks.organizationOrNotFound(connection, organizationId);
            List<String> permissions = validPermissions(request.permissions(), catalog, organization.kind());
            Delegation.requireHolds(caller, permissions);
            requireFreeName(connection, organizationId, name, "");
            String id = Ids.newId("role");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_role "
                    + "(organization_id, id, name, permissions, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, organizationId);
                insert.setString(2, id);
                insert.setString(3, name);
                insert.setString(4, Words.join(permissions));
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            trail.record(caller, organizationId, "users.role.created", "role:" + id,
                    "name '" + name + "', permissions: " + String.join(" ", permissions));
            return stored(connection, organizationId, id, catalog, organization.kind()).orElseThrow();
        });
    }

    /**
     * Changes a custom role's name or permissions; with {@code ifMatch}, only the version
     * the client saw. Members holding it have the new permissions at once.
     */
    public Role change(Caller caller, String id, String ifMatch, RoleRequest request) {
        String organizationId = caller.organizationId();
        requireCustom(id);
        DeclaredPermissions.Catalog catalog = declared.catalog();
        return database.inTransaction(connection -> {
            Locks.LockedOrganization organization = Locks.organizationOrNotFound(connection, organizationId);
            StoredRole current = storedRow(connection, organizationId, id).orElseThrow(NotFoundException::new);
            ETags.checkIfMatch(ifMatch, current.version());
            String name = request == null || request.name() == null ? current.name()
                    : TextFields.name("name", request.name(), MAX_NAME);
            List<String> permissions = request == null || request.permissions() == null ? current.permissions()
                    : validPermissions(request.permissions(), catalog, organization.kind());
            Set<String> added = new TreeSet<>(permissions);
            current.permissions().forEach(added::remove);
            Delegation.requireHolds(caller, added);
            requireFreeName(connection, organizationId, name, id);
            try (PreparedStatement update = connection.prepareStatement("UPDATE users_role SET name = ?, permissions = ?, "
                    + "version = version + 1 WHERE organization_id = ? AND id = ? AND version = ?")) {
                update.setString(1, name);
                update.setString(2, Words.join(permissions));
                update.setString(3, organizationId);
                update.setString(4, id);
                update.setLong(5, current.version());
                if (update.executeUpdate() != 1) {
                    throw new StaleVersionException();
                }
            }
            Set<String> removed = new TreeSet<>(current.permissions());
            permissions.forEach(removed::remove);
            trail.record(caller, organizationId, "users.role.changed", "role:" + id, "name '" + name + "', added: "
                    + String.join(" ", added) + ", removed: " + String.join(" ", removed));
            access.changedAfterCommit();
            return stored(connection, organizationId, id, catalog, organization.kind()).orElseThrow();
        });
    }

    /** Deletes a custom role that no member and no pending invitation holds. */
    public void delete(Caller caller, String id) {
        String organizationId = caller.organizationId();
        requireCustom(id);
        database.runInTransaction(connection -> {
            Locks.organizationOrNotFound(connection, organizationId);
            StoredRole current = storedRow(connection, organizationId, id).orElseThrow(NotFoundException::new);
            int members = Sql.count(connection, "SELECT COUNT(*) FROM users_membership WHERE organization_id = ? AND role_id = ?",
                    organizationId, id);
            int invitations = Sql.count(connection, "SELECT COUNT(*) FROM users_invitation WHERE organization_id = ? "
                    + "AND role_id = ? AND state = 'pending'", organizationId, id);
            if (members > 0 || invitations > 0) {
                throw Refusals.roleInUse(members, invitations);
            }
            Sql.execute(connection, "DELETE FROM users_role WHERE organization_id = ? AND id = ?", organizationId, id);
            trail.record(caller, organizationId, "users.role.deleted", "role:" + id, "name '" + current.name() + "'");
        });
    }

    /**
     * Checks that a role id names a role of the organization: a built-in one or one of its custom roles.
     *
     * @throws ValidationException naming {@code field} otherwise
     */
    public static String requireKnown(Connection connection, String organizationId, String roleId, String field)
            throws SQLException {
        if (roleId == null || roleId.isBlank()) {
            throw new ValidationException(field, "a role id is required");
        }
        if (BuiltInRole.of(roleId).isEmpty()
                && (!TextFields.plausibleId(roleId) || storedRow(connection, organizationId, roleId).isEmpty())) {
            throw new ValidationException(field, "is not a role of this organization");
        }
        return roleId;
    }

    private static void requireCustom(String id) {
        if (BuiltInRole.of(id).isPresent()) {
            throw Refusals.builtInRole();
        }
    }

    private static List<String> validPermissions(List<String> requested, DeclaredPermissions.Catalog catalog,
            OrganizationKind kind) {
        if (requested == null || requested.size() > MAX_PERMISSIONS) {
            throw new ValidationException("permissions", "a list of at most " + MAX_PERMISSIONS + " permission ids is required");
        }
        Set<String> permissions = new TreeSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String permission = requested.get(i);
            if (permission == null || !catalog.declares(permission)) {
                throw new ValidationException("permissions[" + i + "]", "is not a permission of an installed module");
            }
            if (catalog.reservedIn(permission, kind)) {
                throw new ValidationException("permissions[" + i + "]", "is reserved for the operator's staff or resellers");
            }
            permissions.add(permission);
        }
        if (String.join(" ", permissions).length() > Products.MAX_STORED) {
            throw new ValidationException("permissions", "too many permissions for one role");
        }
        return List.copyOf(permissions);
    }

    /** Names are unique in an organization, ignoring case, and never a built-in role's. */
    private static void requireFreeName(Connection connection, String organizationId, String name, String exceptId)
            throws SQLException {
        String key = name.toLowerCase(Locale.ROOT);
        boolean builtIn = java.util.Arrays.stream(BuiltInRole.values())
                .anyMatch(role -> nameOf(role).toLowerCase(Locale.ROOT).equals(key) || role.id().equals(key));
        if (builtIn || Sql.count(connection, "SELECT COUNT(*) FROM users_role WHERE organization_id = ? AND LOWER(name) = ? "
                + "AND id <> ?", organizationId, key, exceptId) > 0) {
            throw new ValidationException("name", "is taken");
        }
    }

    private static Optional<Role> stored(Connection connection, String organizationId, String id,
            DeclaredPermissions.Catalog catalog, OrganizationKind kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, permissions, version FROM users_role WHERE organization_id = ? AND id = ?")) {
            select.setString(1, organizationId);
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(custom(row, catalog, kind, memberCounts(connection, organizationId)))
                        : Optional.empty();
            }
        }
    }

    private static Role custom(ResultSet row, DeclaredPermissions.Catalog catalog, OrganizationKind kind,
            Map<String, Integer> members) throws SQLException {
        Set<String> permissions = AccessQuery.customRolePermissions(new HashSet<>(Words.of(row.getString(3))), catalog, kind);
        return new Role(row.getString(1), row.getString(2), false, List.copyOf(new TreeSet<>(permissions)),
                members.getOrDefault(row.getString(1), 0), row.getLong(4));
    }

    private static Optional<StoredRole> storedRow(Connection connection, String organizationId, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, permissions, version FROM users_role WHERE organization_id = ? AND id = ?")) {
            select.setString(1, organizationId);
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StoredRole(row.getString(1), Words.of(row.getString(2)), row.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    private static Map<String, Integer> memberCounts(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT role_id, COUNT(*) FROM users_membership WHERE organization_id = ? GROUP BY role_id")) {
            select.setString(1, organizationId);
            Map<String, Integer> counts = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getInt(2));
                }
            }
            return counts;
        }
    }

    private record StoredRole(String name, List<String> permissions, long version) {
    }
}
