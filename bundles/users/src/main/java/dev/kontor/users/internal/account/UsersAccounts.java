package dev.kontor.users.internal.account;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.Accounts;
import dev.kontor.api.users.NewLogin;
import dev.kontor.users.internal.UsersConfiguration;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.login.PasswordHasher;
import dev.kontor.users.internal.organization.Contact;
import dev.kontor.users.internal.organization.Locks;
import dev.kontor.users.internal.organization.MemberRemoval;
import dev.kontor.users.internal.organization.Memberships;
import dev.kontor.users.internal.organization.NewLogins;
import dev.kontor.users.internal.organization.Organizations;
import dev.kontor.users.internal.organization.TextFields;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.Reference;

/**
 * Accounts for other modules (C1, C4–C7): the clients module opens, suspends, closes
 * and grants through this, inside its own transaction, which every method here joins.
 * It authorizes its callers itself; this service checks the input and the rules of the
 * users module, audits in the affected organization's trail, and makes cached access
 * stale with the commit.
 */
@Designate(ocd = UsersConfiguration.class)
@Component(service = Accounts.class, configurationPid = UsersConfiguration.PID)
public class UsersAccounts implements Accounts {

    /** The first owner is the account's technical and billing contact until the owners choose otherwise. */
    private static final Contact FIRST_OWNER = new Contact(true, true, false);

    private final Database database;
    private final Trail trail;
    private final Access access;
    private final PartnerGrants grants;
    private final int passwordMinLength;

    @Activate
    public UsersAccounts(@Reference Database database, @Reference AuditLog audit, @Reference Access access,
            @Reference DeclaredPermissions declared, UsersConfiguration configuration) {
        this(database, audit, access, declared, configuration.password_min_length(), Clock.systemUTC());
    }

    public UsersAccounts(Database database, AuditLog audit, Access access, DeclaredPermissions declared, int passwordMinLength,
            Clock clock) {
        this.database = database;
        this.trail = new Trail(audit);
        this.access = access;
        this.grants = new PartnerGrants(database, trail, access, declared, clock);
        this.passwordMinLength = passwordMinLength;
    }

    @Override
    public Account open(Caller caller, String organizationName, NewLogin owner) {
        NewLogin given = owner == null ? new NewLogin(null, null, null, null, null) : owner;
        List<ValidationException.FieldError> errors = new ArrayList<>();
        String name = TextFields.collect(errors, () -> Organizations.validName(organizationName));
        List<ValidationException.FieldError> loginErrors = new ArrayList<>();
        NewLogins.Validated login = TextFields.collect(loginErrors, () -> NewLogins.valid("", given.username(), given.email(),
                given.displayName(), given.language() == null ? "en" : given.language(), given.password(), passwordMinLength));
        // Only a valid name is looked up; and only read: refusing here leaves a transaction the caller has open usable.
        if (loginErrors.stream().noneMatch(error -> error.field().equals("username"))
                && database.inTransaction(connection -> Logins.byUsername(connection, given.username())).isPresent()) {
            errors.add(new ValidationException.FieldError("username", "is taken"));
        }
        errors.addAll(loginErrors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String validName = name;
        NewLogins.Validated validLogin = login;
        return database.inTransaction(connection -> {
            String organizationId = Organizations.insert(connection, validName, caller.userId());
            String userId = NewLogins.create(connection, "", validLogin); // a login taken meanwhile rolls everything back
            Memberships.insert(connection, organizationId, userId, BuiltInRole.OWNER.id(), List.of(), FIRST_OWNER);
            trail.record(caller, organizationId, "users.account.opened", "organization:" + organizationId,
                    "name '" + validName + "', owner " + validLogin.login().username() + " (" + userId + ")");
            access.changedAfterCommit();
            return new Account(organizationId, validName, userId, false);
        });
    }

    @Override
    public Optional<Account> find(String organizationId) {
        if (!TextFields.plausibleId(organizationId)) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> AccountRows.find(connection, organizationId));
    }

    @Override
    public void suspend(Caller caller, String organizationId) {
        setSuspended(caller, List.of(organizationId), true);
    }

    @Override
    public void activate(Caller caller, String organizationId) {
        setSuspended(caller, List.of(organizationId), false);
    }

    @Override
    public void suspendAll(Caller caller, Collection<String> organizationIds) {
        setSuspended(caller, organizationIds, true);
    }

    @Override
    public void activateAll(Caller caller, Collection<String> organizationIds) {
        setSuspended(caller, organizationIds, false);
    }

    private void setSuspended(Caller caller, Collection<String> organizationIds, boolean suspended) {
        if (organizationIds.isEmpty()) {
            return;
        }
        database.runInTransaction(connection -> {
            AccountRows.lockCustomers(connection, organizationIds);
            List<String> changed = AccountRows.setSuspended(connection, organizationIds, suspended);
            if (!changed.isEmpty()) {
                String action = suspended ? "users.account.suspended" : "users.account.activated";
                trail.recordAll(caller, changed.stream()
                        .map(id -> new Trail.OrganizationChange(id, action, "organization:" + id, null)).toList());
                access.changedAfterCommit(); // the members' sessions and tokens stop (or work again) with their next request
            }
        });
    }

    @Override
    public void close(Caller caller, String organizationId) {
        database.runInTransaction(connection -> {
            AccountRows.lockCustomer(connection, organizationId);
            Account account = AccountRows.find(connection, organizationId).orElseThrow(NotFoundException::new);
            List<String> members = AccountRows.members(connection, organizationId);
            int loginsDeleted = 0;
            for (String userId : members) {
                // The same removal as a member's (U10), so a login left without organization goes with its tokens (U1).
                loginsDeleted += MemberRemoval.remove(connection, organizationId, userId, false) ? 1 : 0;
            }
            AccountRows.delete(connection, organizationId);
            trail.record(caller, organizationId, "users.account.closed", "organization:" + organizationId, "name '"
                    + account.name() + "', " + members.size() + " member(s), " + loginsDeleted + " login(s) deleted with it");
            access.changedAfterCommit();
        });
    }

    @Override
    public void changeLogin(Caller caller, String organizationId, String userId, String username, String password) {
        String validUsername = Logins.validUsername("username", username);
        char[] validPassword = password == null ? null : Logins.validPassword("password", password, passwordMinLength);
        String hash = validPassword == null ? null : PasswordHasher.DEFAULT.hash(validPassword);
        if (validPassword != null) {
            Arrays.fill(validPassword, '\0');
        }
        if (!TextFields.plausibleId(organizationId) || !TextFields.plausibleId(userId)) {
            throw new NotFoundException();
        }
        database.runInTransaction(connection -> {
            Locks.organization(connection, organizationId).orElseThrow(NotFoundException::new);
            Memberships.find(connection, organizationId, userId).orElseThrow(NotFoundException::new);
            Locks.login(connection, userId);
            Logins.Login login = Logins.byId(connection, userId).orElseThrow(NotFoundException::new);
            List<String> changes = new ArrayList<>();
            if (!login.username().equals(validUsername)) {
                Logins.setUsername(connection, userId, validUsername);
                changes.add("username " + login.username() + " -> " + validUsername);
            }
            if (hash != null) {
                Logins.setPasswordHash(connection, userId, hash);
                changes.add("password set");
            }
            if (!changes.isEmpty()) {
                trail.record(caller, organizationId, "users.login.changed", "user:" + userId, String.join(", ", changes));
                access.changedAfterCommit(); // the username is part of every identity of the login
            }
        });
    }

    @Override
    public AccessGrant grant(Caller caller, AccessGrant.Request request) {
        return grants.grant(caller, request);
    }

    @Override
    public void revoke(Caller caller, String grantId) {
        grants.revoke(caller, grantId);
    }

    @Override
    public List<AccessGrant> grantsOf(String organizationId) {
        return grants.of(organizationId);
    }

    @Override
    public void changeGrantees(Caller caller, String grantId, Set<String> granteeUserIds) {
        grants.changeGrantees(caller, grantId, granteeUserIds == null ? Set.of() : granteeUserIds);
    }

    @Override
    public void markReseller(Caller caller, String organizationId, boolean reseller) {
        database.runInTransaction(connection -> {
            AccountRows.lockCustomer(connection, organizationId);
            if (AccountRows.setReseller(connection, organizationId, reseller)) {
                trail.record(caller, organizationId, reseller ? "users.account.reseller" : "users.account.reseller-ended",
                        "organization:" + organizationId, null);
                access.changedAfterCommit(); // its owner and administrators hold the resellers' permissions (or lose them)
            }
        });
    }

    @Override
    public Set<String> memberAddresses(String organizationId) {
        if (!TextFields.plausibleId(organizationId)) {
            return Set.of();
        }
        return database.inTransaction(connection -> AccountRows.memberAddresses(connection, organizationId));
    }
}
