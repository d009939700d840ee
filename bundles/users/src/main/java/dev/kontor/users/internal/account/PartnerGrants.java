package dev.kontor.users.internal.account;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.access.Words;
import dev.kontor.users.internal.organization.OrganizationFacts;
import dev.kontor.users.internal.organization.Products;
import dev.kontor.users.internal.organization.TextFields;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Partner grants (C7, C9, C10): rows of kind {@code partner} in
 * {@code users_access_grant}, through which an organization lets another's members act
 * in it. What they give is decided by {@link AccessQuery} on every cache miss, so a
 * revocation ends them with its commit. They have no end of their own.
 */
final class PartnerGrants {

    /** Partner grants never end by themselves; the column is not nullable, so they end in the year 9999. */
    static final Instant NO_END = Instant.parse("9999-12-31T00:00:00Z");
    /** Most logins one grant names: their ids fit the column. */
    static final int MAX_LISTED = 100;
    private static final int MAX_STORED = 4000;
    /** A foreign key's parent row is missing: the SQL state on PostgreSQL and on H2. */
    private static final Set<String> GRANTEE_MISSING = Set.of("23503", "23506");
    private static final String COLUMNS = "id, organization_id, grantee_organization_id, products, grantee_user_ids, created_at";

    private final Database database;
    private final Trail trail;
    private final Access access;
    private final DeclaredPermissions declared;
    private final Clock clock;

    PartnerGrants(Database database, Trail trail, Access access, DeclaredPermissions declared, Clock clock) {
        this.database = database;
        this.trail = trail;
        this.access = access;
        this.declared = declared;
        this.clock = clock;
    }

    /**
     * Gives the grant.
     *
     * @throws NotFoundException when the granting organization does not exist
     * @throws ValidationException on {@code grantee_organization_id}, {@code products[i]}
     *         or {@code grantee_user_ids[i]}
     */
    AccessGrant grant(Caller caller, AccessGrant.Request request) {
        if (request == null) {
            throw new ValidationException("grantee_organization_id", "a grant needs an organization to give it to");
        }
        List<String> products = Products.valid("products", List.copyOf(new TreeSet<>(request.products())), declared.catalog());
        List<String> listed = TextFields.ids("grantee_user_ids", List.copyOf(new TreeSet<>(request.granteeUserIds())),
                MAX_LISTED);
        String organizationId = request.organizationId();
        String granteeId = request.granteeOrganizationId();
        if (granteeId == null || granteeId.equals(organizationId)) {
            throw new ValidationException("grantee_organization_id", "another organization is required");
        }
        return database.inTransaction(connection -> {
            AccountRows.lockCustomer(connection, organizationId);
            OrganizationFacts grantee = grantee(connection, granteeId);
            List<String> strangers = grantee.notMembers(connection, listed);
            if (!strangers.isEmpty()) {
                throw new ValidationException("grantee_user_ids[" + listed.indexOf(strangers.get(0)) + "]",
                        "is not a member of the organization the grant is for");
            }
            if (Words.join(listed).length() > MAX_STORED) {
                throw new ValidationException("grantee_user_ids", "too many logins");
            }
            AccessGrant grant = new AccessGrant(Ids.newId("ag"), organizationId, granteeId, Set.copyOf(products),
                    Set.copyOf(listed), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            insert(connection, grant, caller.userId());
            trail.record(caller, organizationId, "users.partner.granted", target(grant.id()), "to organization " + granteeId
                    + " (" + grantee.name() + "), " + (grant.full() ? "full access" : "products " + String.join(" ", products))
                    + ", " + (listed.isEmpty() ? "all its members" : "logins " + String.join(" ", listed)));
            access.changedAfterCommit();
            return grant;
        });
    }

    /** Ends a grant in force; anything else is left as it is. */
    void revoke(Caller caller, String grantId) {
        if (!TextFields.plausibleId(grantId)) {
            return;
        }
        database.runInTransaction(connection -> {
            Optional<AccessGrant> grant = inForce(connection, grantId);
            if (grant.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE users_access_grant SET revoked_at = ?, "
                    + "revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setString(2, caller.userId());
                update.setString(3, grantId);
                update.executeUpdate();
            }
            trail.record(caller, grant.get().organizationId(), "users.partner.revoked", target(grantId),
                    "to organization " + grant.get().granteeOrganizationId());
            access.changedAfterCommit();
        });
    }

    /**
     * Changes which of the grantee's logins a grant in force covers (C10).
     *
     * @throws ValidationException on {@code user_ids[i]} when a login is no member of the grantee
     */
    void changeGrantees(Caller caller, String grantId, Set<String> granteeUserIds) {
        if (granteeUserIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException("user_ids", "must list login ids");
        }
        List<String> listed = TextFields.ids("user_ids", List.copyOf(new TreeSet<>(granteeUserIds)), MAX_LISTED);
        if (!TextFields.plausibleId(grantId)) {
            return;
        }
        database.runInTransaction(connection -> {
            Optional<AccessGrant> grant = inForce(connection, grantId);
            if (grant.isEmpty()) {
                return;
            }
            OrganizationFacts grantee = grantee(connection, grant.get().granteeOrganizationId());
            List<String> strangers = grantee.notMembers(connection, listed);
            if (!strangers.isEmpty()) {
                throw new ValidationException("user_ids[" + listed.indexOf(strangers.get(0)) + "]",
                        "is not a member of the organization the grant is for");
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users_access_grant SET grantee_user_ids = ? WHERE id = ?")) {
                update.setString(1, Words.join(listed));
                update.setString(2, grantId);
                update.executeUpdate();
            }
            trail.record(caller, grant.get().organizationId(), "users.partner.grantees-changed", target(grantId),
                    listed.isEmpty() ? "all members of organization " + grantee.id()
                            : "logins " + String.join(" ", listed) + " of organization " + grantee.id());
            access.changedAfterCommit();
        });
    }

    /** The organization's grants in force, oldest first. */
    List<AccessGrant> of(String organizationId) {
        if (!TextFields.plausibleId(organizationId)) {
            return List.of();
        }
        return database.inTransaction(connection -> read(connection, "organization_id = ? ORDER BY created_at, id",
                organizationId));
    }

    private static OrganizationFacts grantee(Connection connection, String id) throws SQLException {
        Optional<OrganizationFacts> found = TextFields.plausibleId(id) ? OrganizationFacts.of(connection, id) : Optional.empty();
        return found.orElseThrow(PartnerGrants::noGrantee);
    }

    private static ValidationException noGrantee() {
        return new ValidationException("grantee_organization_id", "no such organization");
    }

    /** The grant if it is in force, locked until the transaction ends. */
    private Optional<AccessGrant> inForce(Connection connection, String grantId) throws SQLException {
        return read(connection, "id = ? FOR UPDATE", grantId).stream().findFirst();
    }

    private List<AccessGrant> read(Connection connection, String condition, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM users_access_grant "
                + "WHERE kind = '" + AccessQuery.PARTNER + "' AND revoked_at IS NULL AND expires_at > ? AND " + condition)) {
            select.setTimestamp(1, Timestamp.from(clock.instant()));
            select.setString(2, value);
            List<AccessGrant> grants = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    grants.add(new AccessGrant(row.getString(1), row.getString(2), row.getString(3),
                            Set.copyOf(Words.of(row.getString(4))), Set.copyOf(Words.of(row.getString(5))),
                            row.getTimestamp(6).toInstant()));
                }
            }
            return grants;
        }
    }

    private static void insert(Connection connection, AccessGrant grant, String grantedBy) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_access_grant (id, organization_id, "
                + "grantee_organization_id, kind, content_type, granted_by, created_at, expires_at, products, grantee_user_ids) "
                + "VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?)")) {
            insert.setString(1, grant.id());
            insert.setString(2, grant.organizationId());
            insert.setString(3, grant.granteeOrganizationId());
            insert.setString(4, AccessQuery.PARTNER);
            insert.setString(5, grantedBy);
            insert.setTimestamp(6, Timestamp.from(grant.createdAt()));
            insert.setTimestamp(7, Timestamp.from(NO_END));
            insert.setString(8, Words.join(grant.products()));
            insert.setString(9, Words.join(grant.granteeUserIds()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (GRANTEE_MISSING.contains(e.getSQLState())) {
                // Removed after it was looked up: the same answer as if it had been missing then.
                throw noGrantee();
            }
            throw e;
        }
    }

    private static String target(String id) {
        return "access-grant:" + id;
    }
}
