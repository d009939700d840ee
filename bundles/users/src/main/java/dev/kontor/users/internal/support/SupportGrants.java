package dev.kontor.users.internal.support;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.users.internal.UsersConfiguration;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.organization.ListQuery;
import dev.kontor.users.internal.organization.TextFields;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Support grants of organizations to the operator's support staff (U11), rows of kind
 * {@code support} in {@code users_access_grant}. A grant ends by itself: its
 * {@code expires_at} is all it takes, since {@code AccessQuery} ignores grants past it,
 * so nothing has to run when the time comes. An {@link Access} entry computed just
 * before the expiry is reused for at most {@code access_cache_millis} (2 s by default),
 * so a grant of days ends within seconds of its time; a revocation ends it with its
 * commit, since it makes every entry stale.
 */
@Component(service = SupportGrants.class, configurationPid = UsersConfiguration.PID)
public class SupportGrants {

    static final String KIND = "support";
    private static final String COLUMNS = "id, content_type, granted_by, created_at, expires_at, revoked_at";

    private final Database database;
    private final Trail trail;
    private final Access access;
    private final DeclaredPermissions declared;
    private final Duration lifetime;
    private final Clock clock;

    @Activate
    public SupportGrants(@Reference Database database, @Reference AuditLog audit, @Reference Access access,
            @Reference DeclaredPermissions declared, UsersConfiguration configuration) {
        this(database, audit, access, declared, Duration.ofDays(configuration.support_access_days()), Clock.systemUTC());
    }

    public SupportGrants(Database database, AuditLog audit, Access access, DeclaredPermissions declared, Duration lifetime,
            Clock clock) {
        this.database = database;
        this.trail = new Trail(audit);
        this.access = access;
        this.declared = declared;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The organization's grants, newest first, in every state. */
    public Page<SupportGrant> list(String organizationId, PageRequest page) {
        Instant now = clock.instant();
        String after = TextFields.cursorText(page.after());
        List<SupportGrant> rows = database.inTransaction(connection -> new ListQuery("SELECT " + COLUMNS
                + " FROM users_access_grant WHERE organization_id = ? AND kind = '" + KIND + "'", organizationId)
                .andIfGiven("id < ?", after)
                .rows(connection, "id DESC", page.limit() + 1, row -> grantOf(row, now)));
        return page.toPage(rows, SupportGrant::id);
    }

    public Optional<SupportGrant> find(String organizationId, String id) {
        Instant now = clock.instant();
        return database.inTransaction(connection -> find(connection, organizationId, id, now, false));
    }

    /**
     * Grants support access to one content type, or answers the grant already in force
     * for it: there is one grant per content type at a time.
     *
     * @throws ValidationException when the content type is no installed product
     * @throws NotFoundException when the organization does not exist
     */
    public Granted grant(Caller caller, String organizationId, String contentType) {
        Set<String> products = declared.catalog().products();
        if (contentType == null || !products.contains(contentType)) {
            throw new ValidationException("content_type", "one of the installed products: " + String.join(", ", products));
        }
        if (IdentityProvider.OPERATOR_ORGANIZATION_ID.equals(organizationId)) {
            throw new ProblemException(409, "operator-organization",
                    "The operator's own organization needs no support access: its staff are its members.");
        }
        return database.inTransaction(connection -> {
            lockOrganization(connection, organizationId); // two requests for one content type make one grant
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Optional<SupportGrant> existing = active(connection, organizationId, contentType, now);
            if (existing.isPresent()) {
                return new Granted(existing.get(), false);
            }
            SupportGrant grant = new SupportGrant(Ids.newId("sg"), contentType, caller.userId(), now, now.plus(lifetime),
                    SupportGrant.ACTIVE);
            insert(connection, organizationId, grant);
            trail.record(caller, organizationId, "users.support.granted", target(grant.id()),
                    "content type " + contentType + " until " + grant.expiresAt());
            access.changedAfterCommit();
            return new Granted(grant, true);
        });
    }

    /**
     * Ends a grant at once. A grant that has ended already stays as it is.
     *
     * @return the grant as it is now; empty when the organization has no such grant
     */
    public Optional<SupportGrant> revoke(Caller caller, String organizationId, String id) {
        return database.inTransaction(connection -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Optional<SupportGrant> grant = find(connection, organizationId, id, now, true);
            if (grant.isEmpty() || !grant.get().active()) {
                return grant;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE users_access_grant SET revoked_at = ?, "
                    + "revoked_by = ? WHERE id = ? AND organization_id = ? AND revoked_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, caller.userId());
                update.setString(3, id);
                update.setString(4, organizationId);
                update.executeUpdate();
            }
            trail.record(caller, organizationId, "users.support.revoked", target(id),
                    "content type " + grant.get().contentType());
            access.changedAfterCommit();
            return find(connection, organizationId, id, now, false);
        });
    }

    private static String target(String id) {
        return "support-grant:" + id;
    }

    private static void lockOrganization(Connection connection, String organizationId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM users_organization WHERE id = ? FOR UPDATE")) {
            lock.setString(1, organizationId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException();
                }
            }
        }
    }

    private static Optional<SupportGrant> active(Connection connection, String organizationId, String contentType, Instant now)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM users_access_grant "
                + "WHERE organization_id = ? AND kind = '" + KIND + "' AND content_type = ? AND revoked_at IS NULL "
                + "AND expires_at > ? ORDER BY id")) {
            select.setString(1, organizationId);
            select.setString(2, contentType);
            select.setTimestamp(3, Timestamp.from(now));
            return read(select, now).stream().findFirst();
        }
    }

    private static Optional<SupportGrant> find(Connection connection, String organizationId, String id, Instant now,
            boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM users_access_grant "
                + "WHERE id = ? AND organization_id = ? AND kind = '" + KIND + "'" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, id);
            select.setString(2, organizationId);
            return read(select, now).stream().findFirst();
        }
    }

    private static void insert(Connection connection, String organizationId, SupportGrant grant) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_access_grant (id, organization_id, "
                + "grantee_organization_id, kind, content_type, granted_by, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, grant.id());
            insert.setString(2, organizationId);
            insert.setString(3, IdentityProvider.OPERATOR_ORGANIZATION_ID);
            insert.setString(4, KIND);
            insert.setString(5, grant.contentType());
            insert.setString(6, grant.grantedBy());
            insert.setTimestamp(7, Timestamp.from(grant.createdAt()));
            insert.setTimestamp(8, Timestamp.from(grant.expiresAt()));
            insert.executeUpdate();
        }
    }

    private static List<SupportGrant> read(PreparedStatement select, Instant now) throws SQLException {
        List<SupportGrant> grants = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                grants.add(grantOf(row, now));
            }
        }
        return grants;
    }

    private static SupportGrant grantOf(ResultSet row, Instant now) throws SQLException {
        Instant expiresAt = row.getTimestamp(5).toInstant();
        Timestamp revokedAt = row.getTimestamp(6);
        return new SupportGrant(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(),
                expiresAt, SupportGrant.stateAt(now, expiresAt, revokedAt == null ? null : revokedAt.toInstant()));
    }

    /** A grant and whether this request made it (201) or found it in force already (200). */
    public record Granted(SupportGrant grant, boolean created) {
    }
}
