package dev.kontor.users.internal.organization;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.users.internal.UsersConfiguration;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The members of an organization (U2–U6, U10): adding an existing or a new login,
 * changing role, products and contact preferences, removing one or many, leaving.
 *
 * <p>Every change locks the organization's row first ({@link Locks}), so the rule that
 * an organization keeps at least one owner (U6) holds under concurrent requests, and
 * commits with its audit entry; access caches are told once it has committed, so a
 * removed member's sessions and tokens stop at their next request (U10).
 */
@Component(service = Members.class, configurationPid = UsersConfiguration.PID)
public class Members {

    /** Most members one bulk removal takes. */
    public static final int MAX_BULK = 1000;
    /** The prefix of the fields of a new login in a request to add a member. */
    private static final String NEW_LOGIN = "new_login.";

    private final Database database;
    private final Trail trail;
    private final Access access;
    private final DeclaredPermissions declared;
    private final int passwordMinLength;

    @Activate
    public Members(@Reference Database database, @Reference AuditLog audit, @Reference Access access,
            @Reference DeclaredPermissions declared, UsersConfiguration configuration) {
        this(database, audit, access, declared, configuration.password_min_length());
    }

    public Members(Database database, AuditLog audit, Access access, DeclaredPermissions declared, int passwordMinLength) {
        this.database = database;
        this.trail = new Trail(audit);
        this.access = access;
        this.declared = declared;
        this.passwordMinLength = passwordMinLength;
    }

    /** Members by username, optionally those whose username or e-mail contains {@code q}. */
    public Page<Member> list(String organizationId, String q, PageRequest request) {
        String pattern = TextFields.containsPattern(q);
        List<Memberships.Sorted> rows = database.inTransaction(connection -> {
            Organizations.requireExists(connection, organizationId);
            return Memberships.page(connection, organizationId, pattern, TextFields.cursorText(request.after()),
                    request.limit() + 1);
        });
        Page<Memberships.Sorted> page = request.toPage(rows, Memberships.Sorted::key);
        return new Page<>(page.items().stream().map(Memberships.Sorted::member).toList(), page.nextCursor());
    }

    public Optional<Member> find(String organizationId, String userId) {
        return database.inTransaction(connection -> Memberships.member(connection, organizationId, userId));
    }

    /** Adds an existing login, or a new one for an external person, with role, products and contact preferences (U3). */
    public Member add(Caller caller, String organizationId, MemberRequests.Add request) {
        if (request == null || (request.username() == null) == (request.newLogin() == null)) {
            throw new ValidationException("username", "give either username (an existing login) or new_login (a new one)");
        }
        DeclaredPermissions.Catalog catalog = declared.catalog();
        List<String> products = request.products() == null ? List.of() : Products.valid("products", request.products(), catalog);
        Contact contact = request.contact() == null ? Contact.NONE : request.contact().over(Contact.NONE);
        String username = request.username() == null ? null : Logins.validUsername("username", request.username());
        // Hashing takes a while: done before the organization is locked.
        NewLogins.Validated newLogin = request.newLogin() == null ? null : newLogin(caller, request.newLogin());
        return database.inTransaction(connection -> {
            Locks.LockedOrganization organization = Locks.organizationOrNotFound(connection, organizationId);
            String roleId = Roles.requireKnown(connection, organizationId, request.role(), "role");
            Delegation.in(connection, caller, organization, catalog).requireMayAssign(roleId, products);
            String userId;
            if (newLogin != null) {
                userId = NewLogins.create(connection, NEW_LOGIN, newLogin);
                trail.record(caller, organizationId, "users.login.created", "user:" + userId,
                        "username " + newLogin.login().username());
            } else {
                userId = Logins.byUsername(connection, username).map(Logins.Login::id)
                        .orElseThrow(() -> new ValidationException("username", "no login has this name"));
                Locks.login(connection, userId);
                if (Memberships.find(connection, organizationId, userId).isPresent()) {
                    throw Refusals.alreadyMember();
                }
            }
            Memberships.insert(connection, organizationId, userId, roleId, products, contact);
            trail.record(caller, organizationId, "users.member.added", "user:" + userId,
                    "role " + roleId + ", products: " + String.join(" ", products) + ", contact: " + describe(contact));
            access.changedAfterCommit();
            return Memberships.member(connection, organizationId, userId).orElseThrow();
        });
    }

    /**
     * Changes a member's role, products or contact preferences (U5); with {@code ifMatch},
     * only the version the client saw. The last owner is never demoted (U6).
     */
    public Member change(Caller caller, String organizationId, String userId, String ifMatch, MemberRequests.Change request) {
        DeclaredPermissions.Catalog catalog = declared.catalog();
        MemberRequests.Change change = request == null ? new MemberRequests.Change(null, null, null) : request;
        List<String> newProducts = change.products() == null ? null : Products.valid("products", change.products(), catalog);
        return database.inTransaction(connection -> {
            Locks.LockedOrganization organization = Locks.organizationOrNotFound(connection, organizationId);
            Memberships.Row current = Memberships.find(connection, organizationId, userId).orElseThrow(NotFoundException::new);
            ETags.checkIfMatch(ifMatch, current.version());
            String roleId = change.role() == null ? current.roleId()
                    : Roles.requireKnown(connection, organizationId, change.role(), "role");
            List<String> products = newProducts == null ? current.products() : newProducts;
            Contact contact = change.contact() == null ? current.contact() : change.contact().over(current.contact());
            boolean roleChanges = !roleId.equals(current.roleId());
            if (roleChanges || !new HashSet<>(products).equals(new HashSet<>(current.products()))) {
                Delegation delegation = Delegation.in(connection, caller, organization, catalog);
                delegation.requireMayAssign(current.roleId(), current.products());
                delegation.requireMayAssign(roleId, products);
            }
            if (roleChanges && isOwner(current.roleId()) && Locks.owners(connection, organizationId) <= 1) {
                throw Refusals.lastOwner();
            }
            if (!Memberships.update(connection, current, roleId, products, contact)) {
                throw new StaleVersionException();
            }
            trail.record(caller, organizationId, "users.member.changed", "user:" + userId, "role " + current.roleId() + " -> "
                    + roleId + ", products: " + String.join(" ", products) + ", contact: " + describe(contact));
            access.changedAfterCommit();
            return Memberships.member(connection, organizationId, userId).orElseThrow();
        });
    }

    /**
     * Removes one member (U4, U10); removing oneself is leaving. A login removed from its
     * only organization is deleted (U1).
     *
     * @throws NotFoundException when the login is no member
     */
    public void remove(Caller caller, String organizationId, String userId) {
        database.runInTransaction(connection -> {
            Locks.LockedOrganization organization = Locks.organizationOrNotFound(connection, organizationId);
            Memberships.Row row = Memberships.find(connection, organizationId, userId).orElseThrow(NotFoundException::new);
            removeLocked(connection, caller, organization, List.of(row));
        });
    }

    /**
     * Removes several members at once (U4), all or none, in one transaction. A bulk
     * removal is one decision about a list: applying part of it would leave the
     * organization in a state nobody chose, and every reason to refuse (an id that is no
     * member, the last owner, a member above the caller's own access) is known before
     * anything is written, so the refusal names what to fix and the client sends the
     * corrected list again.
     *
     * @throws ValidationException naming {@code user_ids[i]} for an id that is no member
     */
    public MemberRequests.BulkRemoved bulkRemove(Caller caller, String organizationId, MemberRequests.BulkRemove request) {
        List<String> ids = TextFields.ids("user_ids", request == null ? null : request.userIds(), MAX_BULK);
        if (ids.isEmpty()) {
            throw new ValidationException("user_ids", "at least one id is required");
        }
        return database.inTransaction(connection -> {
            Locks.LockedOrganization organization = Locks.organizationOrNotFound(connection, organizationId);
            Map<String, Memberships.Row> rows = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (!rows.containsKey(id)) {
                    String field = "user_ids[" + i + "]";
                    rows.put(id, Memberships.find(connection, organizationId, id)
                            .orElseThrow(() -> new ValidationException(field, "is not a member of this organization")));
                }
            }
            removeLocked(connection, caller, organization, List.copyOf(rows.values()));
            return new MemberRequests.BulkRemoved(List.copyOf(rows.keySet()));
        });
    }

    /**
     * The caller leaves the organization (U4): never its last owner (U6), never their
     * only organization (U1).
     *
     * @throws NotFoundException when the caller is no member
     */
    public void leave(Caller caller, String organizationId) {
        remove(caller, organizationId, caller.userId());
    }

    /** Removes memberships of a locked organization, after checking every rule for all of them. */
    private void removeLocked(Connection connection, Caller caller, Locks.LockedOrganization organization,
            List<Memberships.Row> rows) throws SQLException {
        String organizationId = organization.id();
        Delegation delegation = Delegation.in(connection, caller, organization, declared.catalog());
        for (Memberships.Row row : rows) {
            if (!row.userId().equals(caller.userId())) {
                delegation.requireMayAssign(row.roleId(), row.products());
            }
        }
        long owners = rows.stream().filter(row -> isOwner(row.roleId())).count();
        if (owners > 0 && owners >= Locks.owners(connection, organizationId)) {
            throw Refusals.lastOwner();
        }
        // Logins are locked in one order, so two removals in different organizations never wait for each other.
        List<Memberships.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Memberships.Row::userId));
        for (Memberships.Row row : sorted) {
            boolean leaving = row.userId().equals(caller.userId());
            boolean deleted = MemberRemoval.remove(connection, organizationId, row.userId(), leaving);
            trail.record(caller, organizationId, leaving ? "users.member.left" : "users.member.removed", "user:" + row.userId(),
                    "role " + row.roleId() + (deleted ? "; the login was deleted with its only membership" : ""));
        }
        access.changedAfterCommit();
    }

    private NewLogins.Validated newLogin(Caller caller, MemberRequests.NewLogin request) {
        return NewLogins.valid(NEW_LOGIN, request.username(), request.email(), request.displayName(),
                request.language() == null ? defaultLanguage(caller) : request.language(), request.password(), passwordMinLength);
    }

    private static String defaultLanguage(Caller caller) {
        return caller.locale() != null && "de".equals(caller.locale().getLanguage()) ? "de" : "en";
    }

    private static boolean isOwner(String roleId) {
        return BuiltInRole.OWNER.id().equals(roleId);
    }

    private static String describe(Contact contact) {
        List<String> topics = new ArrayList<>();
        if (contact.technical()) {
            topics.add("technical");
        }
        if (contact.billing()) {
            topics.add("billing");
        }
        if (contact.news()) {
            topics.add("news");
        }
        return topics.isEmpty() ? "none" : String.join(" ", topics);
    }
}
