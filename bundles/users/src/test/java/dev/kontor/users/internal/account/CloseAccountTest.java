package dev.kontor.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.api.users.Account;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.invitation.InvitationFixture;
import dev.kontor.users.internal.invitation.InvitationRequest;
import dev.kontor.users.internal.organization.RoleRequest;
import dev.kontor.users.internal.support.SupportGrants;
import dev.kontor.users.internal.token.ApiTokens;
import dev.kontor.users.internal.token.OAuthClients;
import dev.kontor.users.internal.workgroup.NewWorkgroup;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CloseAccountTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void closeRemovesTheOrganizationWithEverythingOfItAndItsOrphanedLogins_C6_U1(DatabaseKind kind) {
        InvitationFixture mail = new InvitationFixture(kind);
        AccountFixture world = new AccountFixture(mail.users);
        UsersFixture users = world.users;
        Account account = world.open("Bakery", "miller");
        String organization = account.organizationId();
        String miller = account.ownerUserId();
        Caller owner = users.caller(miller, organization);
        String staff = users.member(organization, "staff", "administrator");
        String association = users.organization("Association");
        users.join(association, staff, "basic");
        String partner = world.open("Agency", "agent").organizationId();
        String supplier = world.open("Supplier", "seller").organizationId();

        users.roles.create(owner, new RoleRequest("Helpers", List.of(UsersFixture.WEBSPACES_VIEW)));
        mail.workgroups.create(owner, organization, new NewWorkgroup("Team", List.of(UsersFixture.WEBSPACES), List.of(staff),
                staff));
        mail.invitations.invite(owner, organization, new InvitationRequest("newcomer@example.com", "basic", null, null));
        mail.emailChanges.request(owner, "miller@example.org");
        new SupportGrants(users.database, users.audit, users.access, users.declared, Duration.ofDays(7), users.clock)
                .grant(owner, organization, UsersFixture.WEBSPACES);
        world.accounts.grant(world.operator(), new AccessGrant.Request(organization, partner, Set.of(), Set.of()));
        world.accounts.grant(world.operator(), new AccessGrant.Request(supplier, organization, Set.of(), Set.of()));
        OAuthClients.NewClient client = world.clients.create(owner, organization, "sync", List.of(UsersFixture.WEBSPACES_VIEW));
        world.clients.issue(client.id(), client.clientSecret(), null, UsersFixture.SOURCE_ADDRESS);
        world.tokens.create(owner, "deploy", List.of(UsersFixture.WEBSPACES_VIEW), null);
        world.tokens.create(users.caller(staff, organization), "staff", List.of(UsersFixture.WEBSPACES_VIEW), null);
        ApiTokens.IssuedToken kept = world.tokens.create(users.caller(staff, association), "elsewhere",
                List.of(UsersFixture.WEBSPACES_VIEW), null);

        world.accounts.close(world.operator(), organization);

        for (String table : List.of("users_membership", "users_role", "users_workgroup", "users_invitation", "users_oauth_client",
                "users_token", "users_access_grant")) {
            assertEquals(0, users.count("SELECT COUNT(*) FROM " + table + " WHERE organization_id = ?", organization), table);
        }
        assertEquals(0, users.count("SELECT COUNT(*) FROM users_organization WHERE id = ?", organization));
        assertEquals(0, users.count("SELECT COUNT(*) FROM users_access_grant WHERE grantee_organization_id = ?", organization));
        assertEquals(0, users.count("SELECT COUNT(*) FROM users_workgroup_member WHERE user_id = ?", staff));
        assertEquals(0, users.count("SELECT COUNT(*) FROM users_login WHERE id = ?", miller), "its only organization is gone");
        assertEquals(0, users.count("SELECT COUNT(*) FROM users_token WHERE user_id = ?", miller));
        assertEquals(0, users.count("SELECT COUNT(*) FROM users_email_change WHERE user_id = ?", miller));
        assertEquals(Optional.empty(), world.logIn("miller"));
        assertEquals(Optional.empty(), world.accounts.find(organization));
        assertEquals(List.of(), world.accounts.grantsOf(supplier));

        assertEquals(association, world.identities.authenticateBearer(kept.token()).orElseThrow().organizationId(),
                "a login with another organization keeps it and its tokens there");
        assertEquals(1, users.count("SELECT COUNT(*) FROM users_membership WHERE user_id = ?", staff));
        assertTrue(world.logIn("agent").isPresent());
        assertEquals(Optional.empty(), users.access.of(world.logIn("agent").orElseThrow().userId(), organization));
        UsersFixture.AuditRow closed = users.auditEntry("users.account.closed");
        assertEquals(organization, closed.organizationId());
        assertEquals(IdentityProvider.OPERATOR_ADMIN_ID, closed.actorId());
        assertTrue(closed.detail().contains("2 member(s), 1 login(s) deleted"), closed.detail());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void closeJoinsTheCallersTransactionAndRollsBackWithIt_C6(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        Account account = world.open("Bakery", "miller");

        assertThrows(IllegalStateException.class, () -> world.users.database.runInTransaction(connection -> {
            world.accounts.close(world.operator(), account.organizationId());
            throw new IllegalStateException("the client's subscriptions could not be removed");
        }));

        assertEquals(Optional.of(account), world.accounts.find(account.organizationId()));
        assertTrue(world.logIn("miller").isPresent());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOperatorsOrganizationIsNeverClosed(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));

        ProblemException refused = assertThrows(ProblemException.class,
                () -> world.accounts.close(world.operator(), IdentityProvider.OPERATOR_ORGANIZATION_ID));

        assertEquals(409, refused.status());
        assertEquals("operator-organization", refused.type());
        assertEquals(1, world.users.count("SELECT COUNT(*) FROM users_organization WHERE operator = TRUE"));
        assertTrue(world.users.access.of(IdentityProvider.OPERATOR_ADMIN_ID, IdentityProvider.OPERATOR_ORGANIZATION_ID)
                .isPresent());
        assertThrows(NotFoundException.class, () -> world.accounts.close(world.operator(), "org_missing"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void closingAPartnerEndsTheAccessItWasGiven_C6_C10(DatabaseKind kind) {
        AccountFixture world = new AccountFixture(new UsersFixture(kind));
        String client = world.open("Client", "client-owner").organizationId();
        String partner = world.open("Agency", "agent").organizationId();
        world.accounts.grant(world.operator(), new AccessGrant.Request(client, partner, Set.of(), Set.of()));

        world.accounts.close(world.operator(), partner);

        assertEquals(List.of(), world.accounts.grantsOf(client));
        assertEquals(0, world.users.count("SELECT COUNT(*) FROM users_access_grant WHERE grantee_organization_id = ?", partner));
    }
}
