package dev.kontor.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.users.Account;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.token.ApiTokens;
import dev.kontor.users.internal.token.OAuthClients;
import dev.kontor.users.internal.token.OAuthError;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SuspendAccountTest {

    private AccountFixture world;
    private Account account;

    private void setUp(DatabaseKind kind) {
        world = new AccountFixture(new UsersFixture(kind));
        account = world.open("Bakery", "miller");
    }

    private Caller owner() {
        return world.users.caller(account.ownerUserId(), account.organizationId());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void suspensionStopsTheMembersAtOnceAndActivationRestores_C4(DatabaseKind kind) {
        setUp(kind);
        String clerk = world.users.member(account.organizationId(), "clerk", "basic");
        assertTrue(world.users.access.of(clerk, account.organizationId()).isPresent()); // cached for an hour from here

        world.accounts.suspend(world.operator(), account.organizationId());

        assertEquals(Optional.empty(), world.users.access.of(clerk, account.organizationId()));
        assertEquals(Optional.empty(), world.users.access.of(account.ownerUserId(), account.organizationId()));
        assertTrue(world.accounts.find(account.organizationId()).orElseThrow().suspended());

        world.accounts.activate(world.operator(), account.organizationId());

        assertTrue(world.users.access.of(clerk, account.organizationId()).isPresent());
        assertEquals(account, world.accounts.find(account.organizationId()).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void loginWhoseOnlyOrganizationIsSuspendedCannotLogIn_C4(DatabaseKind kind) {
        setUp(kind);
        assertTrue(world.logIn("miller").isPresent());

        world.accounts.suspend(world.operator(), account.organizationId());

        assertEquals(Optional.empty(), world.logIn("miller"));
        assertEquals(Optional.empty(), world.identities.refresh(account.ownerUserId(), account.organizationId()),
                "an open session ends with its next request");

        world.accounts.activate(world.operator(), account.organizationId());

        assertEquals(account.organizationId(), world.logIn("miller").orElseThrow().organizationId());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void loginWithAnotherOrganizationLogsInThereOnly_C4_U12(DatabaseKind kind) {
        setUp(kind);
        String other = world.users.organization("Association");
        world.users.join(other, account.ownerUserId(), "basic");

        world.accounts.suspend(world.operator(), account.organizationId());

        Identity identity = world.logIn("miller").orElseThrow();
        assertEquals(other, identity.organizationId());
        assertEquals(List.of(new Identity.OrganizationMembership(other, "Association")), identity.organizations());
        assertEquals(Optional.empty(), world.identities.refresh(account.ownerUserId(), account.organizationId()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void suspensionStopsPersonalAndClientTokensAtOnce_C4_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken personal = world.tokens.create(owner(), "deploy", List.of(UsersFixture.WEBSPACES_VIEW), null);
        OAuthClients.NewClient client = world.clients.create(owner(), account.organizationId(), "sync",
                List.of(UsersFixture.WEBSPACES_VIEW));
        String clientToken = world.clients.issue(client.id(), client.clientSecret(), null, UsersFixture.SOURCE_ADDRESS)
                .accessToken();
        assertEquals(Set.of(UsersFixture.WEBSPACES_VIEW), world.identities.authenticateBearer(personal.token())
                .orElseThrow().permissions());
        assertTrue(world.identities.authenticateBearer(clientToken).isPresent());

        world.accounts.suspend(world.operator(), account.organizationId());

        assertEquals(Optional.empty(), world.identities.authenticateBearer(personal.token()));
        assertEquals(Optional.empty(), world.identities.authenticateBearer(clientToken));
        assertEquals("unauthorized_client", assertThrows(OAuthError.class, () -> world.clients.issue(client.id(),
                client.clientSecret(), null, UsersFixture.SOURCE_ADDRESS)).error());

        world.accounts.activate(world.operator(), account.organizationId());

        assertTrue(world.identities.authenticateBearer(personal.token()).isPresent());
        assertTrue(world.identities.authenticateBearer(clientToken).isPresent());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void suspendingTwiceIsHarmlessAndAuditedOnce_C4(DatabaseKind kind) {
        setUp(kind);

        world.accounts.suspend(world.operator(), account.organizationId());
        world.accounts.suspend(world.operator(), account.organizationId());
        world.accounts.activate(world.operator(), account.organizationId());
        world.accounts.activate(world.operator(), account.organizationId());

        UsersFixture.AuditRow suspended = world.users.auditEntry("users.account.suspended");
        assertEquals(account.organizationId(), suspended.organizationId());
        assertEquals(IdentityProvider.OPERATOR_ADMIN_ID, suspended.actorId());
        assertEquals(account.organizationId(), world.users.auditEntry("users.account.activated").organizationId());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOperatorsOrganizationIsNoAccountAndUnknownOnesAreNotFound(DatabaseKind kind) {
        setUp(kind);

        ProblemException operator = assertThrows(ProblemException.class,
                () -> world.accounts.suspend(world.operator(), IdentityProvider.OPERATOR_ORGANIZATION_ID));

        assertEquals(409, operator.status());
        assertEquals("operator-organization", operator.type());
        assertTrue(world.logIn("miller").isPresent());
        assertTrue(world.users.access.of(IdentityProvider.OPERATOR_ADMIN_ID, IdentityProvider.OPERATOR_ORGANIZATION_ID)
                .isPresent());
        assertThrows(NotFoundException.class, () -> world.accounts.suspend(world.operator(), "org_missing"));
        assertThrows(NotFoundException.class, () -> world.accounts.activate(world.operator(), "org_\u0000"));
    }
}
