package dev.kontor.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.TransactionalAction;
import dev.kontor.api.storage.TransactionalWork;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.NewLogin;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.OrganizationKind;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.organization.Memberships;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenAccountTest {

    private static final String COUNT_ORGANIZATIONS = "SELECT COUNT(*) FROM users_organization";
    private static final String COUNT_LOGINS = "SELECT COUNT(*) FROM users_login";

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void openCreatesTheOrganizationWithItsOwnerWhoLogsInThere_C1_U1(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));

        Account account = world.open("Bakery Miller", "miller");

        assertEquals(Optional.of(account), world.accounts.find(account.organizationId()));
        assertEquals("Bakery Miller", account.name());
        assertFalse(account.suspended());
        Identity identity = world.logIn("miller").orElseThrow();
        assertEquals(account.ownerUserId(), identity.userId());
        assertEquals(account.organizationId(), identity.organizationId());
        assertEquals(List.of(new Identity.OrganizationMembership(account.organizationId(), "Bakery Miller")),
                identity.organizations());
        assertFalse(identity.operator());
        assertEquals(world.users.declared.catalog().of(BuiltInRole.OWNER, OrganizationKind.CUSTOMER), identity.permissions());
        Memberships.Row owner = world.users.database.inTransaction(connection -> Memberships.find(connection,
                account.organizationId(), account.ownerUserId())).orElseThrow();
        assertEquals(BuiltInRole.OWNER.id(), owner.roleId());
        assertEquals(1, world.users.count("SELECT COUNT(*) FROM users_membership WHERE organization_id = ?",
                account.organizationId()), "the operator who opened it is no member");
        assertEquals(0, world.users.count("SELECT COUNT(*) FROM users_organization WHERE id = ? AND operator = TRUE",
                account.organizationId()));
        UsersFixture.AuditRow opened = world.users.auditEntry("users.account.opened");
        assertEquals(IdentityProvider.OPERATOR_ADMIN_ID, opened.actorId());
        assertEquals(account.organizationId(), opened.organizationId());
        assertEquals(UsersFixture.SOURCE_ADDRESS, opened.sourceAddress());
        assertFalse(opened.detail().contains(AccountFixture.PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyInvalidFieldIsNamedAndNothingIsWritten_C1(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        int organizations = world.users.count(COUNT_ORGANIZATIONS);
        int logins = world.users.count(COUNT_LOGINS);

        ValidationException invalid = assertThrows(ValidationException.class, () -> world.accounts.open(world.operator(), " ",
                new NewLogin("x", "short", "no-address", "\u0000", "fr")));

        assertEquals(List.of("name", "username", "email", "display_name", "language", "password"),
                invalid.errors().stream().map(ValidationException.FieldError::field).toList());
        assertEquals(List.of("name", "username", "email", "display_name", "password"), assertThrows(ValidationException.class,
                () -> world.accounts.open(world.operator(), null, null)).errors().stream()
                .map(ValidationException.FieldError::field).toList());
        assertEquals(organizations, world.users.count(COUNT_ORGANIZATIONS));
        assertEquals(logins, world.users.count(COUNT_LOGINS));
        assertEquals(List.of(), world.users.auditEntries());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void takenUsernameIsAFieldErrorAndNothingIsWritten_C1(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        world.users.login("miller");
        int organizations = world.users.count(COUNT_ORGANIZATIONS);

        ValidationException taken = assertThrows(ValidationException.class, () -> world.open("Bakery", "Miller"));

        assertEquals(List.of(new ValidationException.FieldError("username", "is taken")), taken.errors());
        assertEquals(organizations, world.users.count(COUNT_ORGANIZATIONS));
        assertEquals(List.of(), world.users.auditEntries());
    }

    /**
     * Two accounts racing for one name: the other one takes the name after this one's
     * check, so the login's insert fails after the organization's and takes it back.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nameTakenAfterTheCheckRollsBackTheWholeAccount_C1(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        int organizations = world.users.count(COUNT_ORGANIZATIONS);
        SecondTransactionHook database = new SecondTransactionHook(world.users.database, () -> world.users.login("miller"));
        UsersAccounts accounts = new UsersAccounts(database, world.users.audit, world.users.access, world.users.declared,
                UsersFixture.PASSWORD_MIN_LENGTH, world.users.clock);

        ValidationException taken = assertThrows(ValidationException.class,
                () -> accounts.open(world.operator(), "Bakery", AccountFixture.newLogin("miller")));

        assertTrue(database.ran, "the name was taken between the check and the insert");
        assertEquals(List.of(new ValidationException.FieldError("username", "is taken")), taken.errors());
        assertEquals(organizations, world.users.count(COUNT_ORGANIZATIONS));
        assertEquals(List.of(), world.users.auditEntries());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void openJoinsTheCallersTransactionAndRollsBackWithIt_C1(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        int organizations = world.users.count(COUNT_ORGANIZATIONS);

        assertThrows(IllegalStateException.class, () -> world.users.database.runInTransaction(connection -> {
            world.open("Bakery", "miller");
            throw new IllegalStateException("the client could not be stored");
        }));

        assertEquals(organizations, world.users.count(COUNT_ORGANIZATIONS));
        assertEquals(Optional.empty(), world.logIn("miller"));
        assertEquals(List.of(), world.users.auditEntries());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void findAnswersAccountsOnly(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));

        assertEquals(Optional.empty(), world.accounts.find(IdentityProvider.OPERATOR_ORGANIZATION_ID));
        assertEquals(Optional.empty(), world.accounts.find("org_missing"));
        assertEquals(Optional.empty(), world.accounts.find("org_\u0000"));
        assertEquals(Optional.empty(), world.accounts.find(null));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changeLoginRenamesAndSetsThePassword_C5(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        Account account = world.open("Bakery", "miller");
        world.logIn("miller").orElseThrow(); // cached from here

        world.accounts.changeLogin(world.operator(), account.organizationId(), account.ownerUserId(), "bakery-miller",
                "another long password");

        assertEquals(Optional.empty(), world.logIn("miller"));
        assertEquals(Optional.empty(), world.logIn("bakery-miller"), "the old password is gone");
        Identity renamed = world.identities.authenticate("bakery-miller", "another long password".toCharArray()).orElseThrow();
        assertEquals("bakery-miller", renamed.username());
        UsersFixture.AuditRow changed = world.users.auditEntry("users.login.changed");
        assertEquals(account.organizationId(), changed.organizationId());
        assertEquals("user:" + account.ownerUserId(), changed.target());
        assertFalse(changed.detail().contains("another long password"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changeLoginWithoutPasswordKeepsItAndACaseChangeIsARename_C5(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        Account account = world.open("Bakery", "miller");

        world.accounts.changeLogin(world.operator(), account.organizationId(), account.ownerUserId(), "Miller", null);

        assertEquals("Miller", world.logIn("miller").orElseThrow().username());
        assertEquals("Miller", world.users.database.inTransaction(connection -> Logins.byId(connection,
                account.ownerUserId())).orElseThrow().username());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changeLoginRefusesTakenNamesShortPasswordsAndNonMembers_C5(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        Account account = world.open("Bakery", "miller");
        Account other = world.open("Butcher", "meyer");
        String organization = account.organizationId();
        String owner = account.ownerUserId();

        assertEquals(List.of(new ValidationException.FieldError("username", "is taken")),
                assertThrows(ValidationException.class, () -> world.accounts.changeLogin(world.operator(), organization, owner,
                        "MEYER", null)).errors());
        assertEquals("password", assertThrows(ValidationException.class, () -> world.accounts.changeLogin(world.operator(),
                organization, owner, "miller", "short")).errors().get(0).field());
        assertEquals("username", assertThrows(ValidationException.class, () -> world.accounts.changeLogin(world.operator(),
                organization, owner, "a\u0000b", null)).errors().get(0).field());
        assertThrows(NotFoundException.class, () -> world.accounts.changeLogin(world.operator(), organization,
                other.ownerUserId(), "someone", null));
        assertThrows(NotFoundException.class, () -> world.accounts.changeLogin(world.operator(), "org_missing", owner,
                "someone", null));
        assertThrows(NotFoundException.class, () -> world.accounts.changeLogin(world.operator(), organization, "usr_\u0000",
                "someone", null));

        assertTrue(world.logIn("miller").isPresent());
        assertTrue(world.logIn("meyer").isPresent());
        assertEquals(List.of(), world.users.audit(organization, "users.login.changed"));
    }

    /** The real database, running something of its own just before the second transaction it is asked for begins. */
    private static final class SecondTransactionHook implements Database {

        private final Database real;
        private final Runnable hook;
        private int transactions;
        private boolean ran;

        SecondTransactionHook(Database real, Runnable hook) {
            this.real = real;
            this.hook = hook;
        }

        @Override
        public DatabaseKind kind() {
            return real.kind();
        }

        @Override
        public <T> T inTransaction(TransactionalWork<T> work) {
            if (!real.inTransaction() && ++transactions == 2) {
                hook.run();
                ran = true;
            }
            return real.inTransaction(work);
        }

        @Override
        public void runInTransaction(TransactionalAction action) {
            inTransaction(connection -> {
                action.execute(connection);
                return null;
            });
        }

        @Override
        public <T> T inSavepoint(TransactionalWork<T> work) {
            return real.inSavepoint(work);
        }

        @Override
        public void afterCommit(Runnable action) {
            real.afterCommit(action);
        }

        @Override
        public boolean inTransaction() {
            return real.inTransaction();
        }
    }
}
