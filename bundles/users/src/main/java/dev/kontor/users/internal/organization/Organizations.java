package dev.kontor.users.internal.organization;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Organizations (U1): the operator's own and one per account. Any login creates one and
 * becomes its owner; members see theirs, operator staff administering every
 * organization see all.
 */
@Component(service = Organizations.class)
public class Organizations {

    static final int MAX_NAME = 200;
    private static final String COLUMNS = "o.id, o.name, o.operator, o.suspended, m.role_id, o.created_at, o.version, "
            + "LOWER(o.name)";

    private final Database database;
    private final Trail trail;
    private final Access access;

    @Activate
    public Organizations(@Reference Database database, @Reference AuditLog audit, @Reference Access access) {
        this.database = database;
        this.trail = new Trail(audit);
        this.access = access;
    }

    /**
     * The caller's organizations by name, or every organization for operator staff
     * holding {@code users.organizations.all}; optionally those whose name contains {@code q}.
     */
    public Page<Organization> list(Caller caller, String q, PageRequest request) {
        String pattern = TextFields.containsPattern(q);
        boolean all = UsersPermissions.administersAll(caller);
        String[] after = request.after() == null ? null : cursor(request.after());
        ListQuery query = new ListQuery("SELECT " + COLUMNS + " FROM users_organization o LEFT JOIN users_membership m "
                + "ON m.organization_id = o.id AND m.user_id = ? WHERE 1 = 1", caller.userId());
        if (!all) {
            query.and("m.user_id IS NOT NULL");
        }
        query.andIfGiven("LOWER(o.name) LIKE ? ESCAPE '\\'", pattern);
        if (after != null) {
            query.and("(LOWER(o.name) > ? OR (LOWER(o.name) = ? AND o.id > ?))", after[0], after[0], after[1]);
        }
        List<Sorted> rows = database.inTransaction(connection -> query.rows(connection, "LOWER(o.name), o.id",
                request.limit() + 1, row -> new Sorted(organizationOf(row), row.getString(8) + "\n" + row.getString(1))));
        Page<Sorted> page = request.toPage(rows, Sorted::key);
        return new Page<>(page.items().stream().map(Sorted::organization).toList(), page.nextCursor());
    }

    /** Creates an organization owned by the caller (U1). */
    public Organization create(Caller caller, String requestedName) {
        String name = validName(requestedName);
        return database.inTransaction(connection -> {
            if (!Locks.login(connection, caller.userId())) {
                throw new NotFoundException(); // the login is gone: its session is about to end
            }
            String id = insert(connection, name, caller.userId());
            Memberships.insert(connection, id, caller.userId(), BuiltInRole.OWNER.id(), List.of(), Contact.NONE);
            trail.record(caller, id, "users.organization.created", "organization:" + id, "name '" + name + "'");
            access.changedAfterCommit();
            return find(connection, caller, id).orElseThrow();
        });
    }

    /** A valid organization name, stripped; else a validation error on {@code name}. */
    public static String validName(String requestedName) {
        return TextFields.name("name", requestedName, MAX_NAME);
    }

    /**
     * Stores a new customer organization, without members: the caller makes someone its
     * owner in the same transaction (U1).
     *
     * @param createdBy the login that asked for it
     * @return its id
     */
    public static String insert(Connection connection, String name, String createdBy) throws SQLException {
        String id = Ids.newId("org");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_organization "
                + "(id, name, operator, suspended, created_by, created_at) VALUES (?, ?, FALSE, FALSE, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, createdBy);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return id;
    }

    /** One organization; the caller's right to address it is checked by the resource ({@code OrganizationScope}). */
    public Optional<Organization> find(Caller caller, String id) {
        return database.inTransaction(connection -> find(connection, caller, id));
    }

    /** Renames an organization; with {@code ifMatch}, only the version the client saw. */
    public Organization rename(Caller caller, String id, String ifMatch, String requestedName) {
        String name = validName(requestedName);
        return database.inTransaction(connection -> {
            Locks.organizationOrNotFound(connection, id);
            Organization current = find(connection, caller, id).orElseThrow(NotFoundException::new);
            ETags.checkIfMatch(ifMatch, current.version());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users_organization SET name = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                update.setString(1, name);
                update.setString(2, id);
                update.setLong(3, current.version());
                if (update.executeUpdate() != 1) {
                    throw new StaleVersionException();
                }
            }
            trail.record(caller, id, "users.organization.renamed", "organization:" + id,
                    "from '" + current.name() + "' to '" + name + "'");
            access.changedAfterCommit(); // the name is part of every member's organization switcher (U12)
            return find(connection, caller, id).orElseThrow();
        });
    }

    /** @throws NotFoundException when there is no such organization */
    static void requireExists(Connection connection, String id) throws SQLException {
        if (Sql.count(connection, "SELECT COUNT(*) FROM users_organization WHERE id = ?", id) == 0) {
            throw new NotFoundException();
        }
    }

    private static Optional<Organization> find(Connection connection, Caller caller, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM users_organization o "
                + "LEFT JOIN users_membership m ON m.organization_id = o.id AND m.user_id = ? WHERE o.id = ?")) {
            select.setString(1, caller.userId());
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(organizationOf(row)) : Optional.empty();
            }
        }
    }

    /** The sort key of a cursor: lower-cased name and id, split at the line break that names never contain. */
    private static String[] cursor(String key) {
        int split = key.lastIndexOf('\n');
        if (split < 0) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
        return new String[] {TextFields.cursorText(key.substring(0, split)), TextFields.cursorText(key.substring(split + 1))};
    }

    private static Organization organizationOf(ResultSet row) throws SQLException {
        return new Organization(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4), row.getString(5),
                row.getTimestamp(6).toInstant(), row.getLong(7));
    }

    private record Sorted(Organization organization, String key) {
    }
}
