package dev.kontor.users.internal;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.Ids;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.storage.internal.CallerContext;
import dev.kontor.storage.internal.IdentityCaller;
import dev.kontor.storage.internal.TestClock;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.organization.Members;
import dev.kontor.users.internal.organization.Organizations;
import dev.kontor.users.internal.organization.Roles;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The users module over a fresh database of one kind, for storage-level tests: the
 * real audit trail beside it, the users module's own permissions and two product
 * modules declared, a clock that moves only when told, the real {@link Access}
 * (caching for an hour, so a test sees a change only when the change makes cached
 * access stale, never because time passed) and the organization, member and role
 * services. Callers are made from what {@link Access} grants, as the host does.
 */
public class UsersFixture {

    /** A product module: web spaces to view (basic and reports access hold it) and to manage. */
    public static final String WEBSPACES = "webspaces";
    public static final String WEBSPACES_VIEW = "webspaces.view";
    public static final String WEBSPACES_MANAGE = "webspaces.manage";
    /** Another product, whose permissions no built-in role below administrator holds. */
    public static final String MAILBOXES = "mailboxes";
    public static final String MAILBOXES_VIEW = "mailboxes.view";
    public static final String MAILBOXES_MANAGE = "mailboxes.manage";
    /** A platform permission reserved for the operator's staff. */
    public static final String PANEL_MODULES = "panel.modules";
    public static final String SOURCE_ADDRESS = "203.0.113.50";
    public static final int PASSWORD_MIN_LENGTH = 10;
    public static final Duration CACHE_AGE = Duration.ofHours(1);

    public final TestClock clock = new TestClock(Instant.parse("2030-03-01T10:00:00Z"));
    public final TestDatabase database;
    public final AuditLogService audit;
    public final DeclaredPermissions declared = new DeclaredPermissions();
    public final Access access;
    public final Organizations organizations;
    public final Members members;
    public final Roles roles;

    public UsersFixture(DatabaseKind kind) {
        this(kind, declarations());
    }

    /** The same over other modules' declarations, for tests about other products. */
    protected UsersFixture(DatabaseKind kind, List<DeclaredPermissions.Declaration> declarations) {
        database = TestDatabase.migrated(kind, "users").withModule("audit", AuditLogService.class);
        audit = new AuditLogService(database);
        declared.declare(declarations);
        access = new Access(database, new AccessQuery(declared, clock), CACHE_AGE.toMillis(), clock);
        organizations = new Organizations(database, audit, access);
        members = new Members(database, audit, access, declared, PASSWORD_MIN_LENGTH);
        roles = new Roles(database, audit, access, declared);
        database.runInTransaction(Logins::ensureOperatorAdmin);
    }

    /** What the installed modules declare: the users module, two products and the platform. */
    public static List<DeclaredPermissions.Declaration> declarations() {
        DeclaredPermissions.Declaration mailboxes = new DeclaredPermissions.Declaration(MAILBOXES,
                Set.of(MAILBOXES_VIEW, MAILBOXES_MANAGE), Set.of(), Set.of(), Set.of(MAILBOXES_VIEW), Set.of(), Set.of());
        DeclaredPermissions.Declaration platform = new DeclaredPermissions.Declaration(DeclaredPermissions.PLATFORM,
                Set.of(PANEL_MODULES), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(PANEL_MODULES));
        return List.of(usersModule(), product(WEBSPACES, WEBSPACES_VIEW, WEBSPACES_MANAGE), mailboxes, platform);
    }

    /**
     * The users module as {@code UsersPermissions} declares itself (kept in step with it
     * by hand: the annotation is not readable at run time).
     */
    public static DeclaredPermissions.Declaration usersModule() {
        String profile = UsersPermissions.PROFILE;
        String membersView = UsersPermissions.MEMBERS_VIEW;
        return new DeclaredPermissions.Declaration("users",
                Set.of(membersView, UsersPermissions.MEMBERS_MANAGE, UsersPermissions.ROLES_MANAGE,
                        UsersPermissions.ORGANIZATION_EDIT, UsersPermissions.WORKGROUPS_VIEW, UsersPermissions.WORKGROUPS_MANAGE,
                        UsersPermissions.SUPPORT_VIEW, UsersPermissions.SUPPORT_MANAGE, UsersPermissions.CLIENTS_MANAGE,
                        UsersPermissions.SUPPORT_USE, UsersPermissions.ORGANIZATIONS_ALL, profile),
                Set.of(membersView, UsersPermissions.WORKGROUPS_VIEW, profile), Set.of(membersView, profile),
                Set.of(membersView, UsersPermissions.WORKGROUPS_VIEW, UsersPermissions.SUPPORT_VIEW, profile),
                Set.of(UsersPermissions.SUPPORT_MANAGE), Set.of(UsersPermissions.SUPPORT_USE, UsersPermissions.ORGANIZATIONS_ALL));
    }

    /** A product module declaring a permission to view (basic and reports access hold it) and one to manage. */
    public static DeclaredPermissions.Declaration product(String module, String view, String manage) {
        return new DeclaredPermissions.Declaration(module, Set.of(view, manage), Set.of(view), Set.of(), Set.of(view), Set.of(),
                Set.of());
    }

    /** A login without a password of its own (tests act through callers, not by logging in). */
    public String login(String username) {
        return database.inTransaction(connection -> Logins.create(connection,
                new Logins.NewLogin(username, username + "@example.com", "Name of " + username, "en"), null).id());
    }

    /** A customer organization, without members. */
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

    /** A customer organization "Shop" with its owner "owner". */
    public Shop shop() {
        return shop("Shop", "owner");
    }

    /** A customer organization with its owner, a new login. */
    public Shop shop(String name, String ownerUsername) {
        String id = organization(name);
        return new Shop(this, id, member(id, ownerUsername, "owner"));
    }

    /** A new login that is a member of the organization with the role (and products, space-separated). */
    public String member(String organizationId, String username, String role, String... products) {
        String id = login(username);
        join(organizationId, id, role, products);
        return id;
    }

    /** Adds a login to an organization, bypassing the rules the tests are about. */
    public void join(String organizationId, String userId, String role, String... products) {
        database.runInTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_membership "
                    + "(organization_id, user_id, role_id, products, joined_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, organizationId);
                insert.setString(2, userId);
                insert.setString(3, role);
                insert.setString(4, String.join(" ", products));
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            access.changedAfterCommit();
        });
    }

    /** The caller the host would put into a request of this login in this organization. */
    public Caller caller(String userId, String organizationId) {
        Identity identity = access.of(userId, organizationId)
                .orElseThrow(() -> new AssertionError(userId + " may not act in " + organizationId)).identity();
        return new IdentityCaller(identity, SOURCE_ADDRESS);
    }

    /** What the login may do in the organization now; empty when it may not act there at all. */
    public Set<String> permissions(String userId, String organizationId) {
        return access.of(userId, organizationId).map(grant -> grant.identity().permissions()).orElse(Set.of());
    }

    /** A request's security context carrying the caller, for calling resource methods directly. */
    public static SecurityContext security(Caller caller) {
        return new CallerContext(caller);
    }

    /** Every audit entry, oldest first (by time in microseconds, then id: ids alone order only by millisecond). */
    public List<AuditRow> auditEntries() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT actor_id, organization_id, action, target, "
                    + "source_address, outcome, detail FROM audit_entry ORDER BY occurred_at, id")) {
                List<AuditRow> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new AuditRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                                row.getString(5), AuditOutcome.valueOf(row.getString(6)), row.getString(7)));
                    }
                }
                return rows;
            }
        });
    }

    /** The entries of one action in the organization's trail (what its members read), oldest first. */
    public List<AuditRow> audit(String organizationId, String action) {
        return auditEntries().stream()
                .filter(entry -> entry.action().equals(action) && Objects.equals(entry.organizationId(), organizationId)).toList();
    }

    /** The one audit entry of the action; fails when there is none or more than one. */
    public AuditRow auditEntry(String action) {
        List<AuditRow> entries = auditEntries().stream().filter(entry -> entry.action().equals(action)).toList();
        if (entries.size() != 1) {
            throw new AssertionError("Expected one audit entry " + action + ", found " + entries);
        }
        return entries.get(0);
    }

    /** How many rows a query counts, e.g. {@code SELECT COUNT(*) FROM users_token WHERE user_id = ?}. */
    public int count(String sql, String... values) {
        return database.count(sql, (Object[]) values);
    }

    /** An organization with its owner. */
    public record Shop(UsersFixture fixture, String id, String ownerId) {

        /** The owner acting in the organization. */
        public Caller owner() {
            return fixture.caller(ownerId, id);
        }
    }

    /** One audit entry as stored. */
    public record AuditRow(String actorId, String organizationId, String action, String target, String sourceAddress,
            AuditOutcome outcome, String detail) {
    }
}
