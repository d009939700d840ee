package dev.kontor.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.OrganizationKind;
import dev.kontor.users.internal.access.DeclaredPermissions;
import jakarta.ws.rs.NotFoundException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartnerGrantsTest {

    private AccountFixture world;
    private DeclaredPermissions.Catalog catalog;
    /** The client's organization, which gives access. */
    private String client;
    /** The partner's organization, whose members get it. */
    private String agency;
    private String agent;
    private String designer;
    private String accountant;

    private void setUp(DatabaseKind kind) {
        world = new AccountFixture(new UsersFixture(kind));
        catalog = world.users.declared.catalog();
        client = world.open("Client", "client-owner").organizationId();
        agency = world.open("Agency", "agent").organizationId();
        agent = world.accounts.find(agency).orElseThrow().ownerUserId();
        designer = world.users.member(agency, "designer", "basic");
        accountant = world.users.member(agency, "accountant", "billing");
    }

    private AccessGrant grant(Set<String> products, Set<String> granteeUserIds) {
        return world.accounts.grant(world.operator(), new AccessGrant.Request(client, agency, products, granteeUserIds));
    }

    private Set<String> permissionsInClient(String userId) {
        return world.users.permissions(userId, client);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void fullGrantGivesEveryGranteeMemberWhatAnAdministratorHolds_C7(DatabaseKind kind) {
        setUp(kind);
        assertEquals(Optional.empty(), world.users.access.of(designer, client)); // cached for an hour from here

        AccessGrant grant = grant(Set.of(), Set.of());

        assertTrue(grant.full());
        Set<String> administrator = catalog.of(BuiltInRole.ADMINISTRATOR, OrganizationKind.CUSTOMER);
        for (String member : List.of(agent, designer, accountant)) {
            assertEquals(administrator, permissionsInClient(member), member);
        }
        Identity identity = world.users.access.of(designer, client).orElseThrow().identity();
        assertEquals(client, identity.organizationId());
        assertFalse(identity.operator());
        assertEquals(List.of(new Identity.OrganizationMembership(agency, "Agency"), new Identity.OrganizationMembership(client,
                "Client")), world.users.access.of(designer, agency).orElseThrow().identity().organizations(), "the switcher");
        assertEquals(agency, world.logIn("agent").orElseThrow().organizationId(), "logging in lands in the own organization");
        assertEquals(client, world.identities.refresh(agent, client).orElseThrow().organizationId());
        assertEquals(0, world.users.count("SELECT COUNT(*) FROM users_membership WHERE organization_id = ? AND user_id = ?",
                client, designer), "a partner is no member");
        assertEquals(List.of(grant), world.accounts.grantsOf(client));
        assertEquals(List.of(), world.accounts.grantsOf(agency));
        UsersFixture.AuditRow granted = world.users.auditEntry("users.partner.granted");
        assertEquals(client, granted.organizationId());
        assertEquals("access-grant:" + grant.id(), granted.target());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void productGrantGivesThoseProductsOnly_C7(DatabaseKind kind) {
        setUp(kind);

        AccessGrant grant = grant(Set.of(UsersFixture.WEBSPACES), Set.of());

        assertFalse(grant.full());
        assertEquals(Set.of(UsersFixture.WEBSPACES_VIEW, UsersFixture.WEBSPACES_MANAGE), permissionsInClient(designer));
        assertEquals(Set.of(UsersFixture.WEBSPACES), world.accounts.grantsOf(client).get(0).products());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void grantForListedLoginsReachesThemOnly_C10(DatabaseKind kind) {
        setUp(kind);

        grant(Set.of(UsersFixture.MAILBOXES), Set.of(designer));

        assertEquals(Set.of(UsersFixture.MAILBOXES_VIEW, UsersFixture.MAILBOXES_MANAGE), permissionsInClient(designer));
        assertEquals(Optional.empty(), world.users.access.of(accountant, client));
        assertEquals(Optional.empty(), world.users.access.of(agent, client));
        assertEquals(List.of(new Identity.OrganizationMembership(agency, "Agency")),
                world.users.access.of(accountant, agency).orElseThrow().identity().organizations());
        assertEquals(Set.of(designer), world.accounts.grantsOf(client).get(0).granteeUserIds());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void memberOfBothGetsTheUnion_C7_U8(DatabaseKind kind) {
        setUp(kind);
        world.users.join(client, designer, "basic");
        Set<String> basic = catalog.of(BuiltInRole.BASIC, OrganizationKind.CUSTOMER);

        grant(Set.of(UsersFixture.MAILBOXES), Set.of());

        Set<String> union = new HashSet<>(basic);
        union.addAll(catalog.ofProducts(List.of(UsersFixture.MAILBOXES), OrganizationKind.CUSTOMER));
        assertEquals(union, permissionsInClient(designer));
        assertFalse(basic.contains(UsersFixture.MAILBOXES_MANAGE), "the grant adds something");
        long listed = world.users.access.of(designer, agency).orElseThrow().identity().organizations().stream()
                .filter(organization -> organization.id().equals(client)).count();
        assertEquals(1, listed, "listed once in the switcher");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void revocationEndsTheGrantAtOnce_C7(DatabaseKind kind) {
        setUp(kind);
        AccessGrant grant = grant(Set.of(), Set.of());
        assertTrue(world.users.access.of(designer, client).isPresent()); // cached for an hour from here

        world.accounts.revoke(world.operator(), grant.id());

        assertEquals(Optional.empty(), world.users.access.of(designer, client));
        assertEquals(Optional.empty(), world.identities.refresh(agent, client));
        assertEquals(List.of(), world.accounts.grantsOf(client));
        world.accounts.revoke(world.operator(), grant.id());
        world.accounts.revoke(world.operator(), "ag_missing");
        world.accounts.revoke(world.operator(), "ag_\u0000");
        world.accounts.revoke(world.operator(), null);
        UsersFixture.AuditRow revoked = world.users.auditEntry("users.partner.revoked");
        assertEquals(client, revoked.organizationId());
        assertEquals(IdentityProvider.OPERATOR_ADMIN_ID, revoked.actorId());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void grantToOrFromASuspendedOrganizationGivesNothing_C4(DatabaseKind kind) {
        setUp(kind);
        world.accounts.suspend(world.operator(), agency);

        grant(Set.of(), Set.of());

        assertEquals(Optional.empty(), world.users.access.of(designer, client));
        world.accounts.activate(world.operator(), agency);
        assertTrue(world.users.access.of(designer, client).isPresent());
        world.accounts.suspend(world.operator(), client);
        assertEquals(Optional.empty(), world.users.access.of(designer, client));
        assertEquals(List.of(new Identity.OrganizationMembership(agency, "Agency")),
                world.users.access.of(designer, agency).orElseThrow().identity().organizations());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invalidGrantsNameTheFieldAndGiveNothing_C7(DatabaseKind kind) {
        setUp(kind);
        String stranger = world.users.login("stranger");
        List<Object[]> cases = List.of(
                new Object[] {new AccessGrant.Request(client, client, Set.of(), Set.of()), "grantee_organization_id"},
                new Object[] {new AccessGrant.Request(client, null, Set.of(), Set.of()), "grantee_organization_id"},
                new Object[] {new AccessGrant.Request(client, "org_missing", Set.of(), Set.of()), "grantee_organization_id"},
                new Object[] {new AccessGrant.Request(client, "org_\u0000", Set.of(), Set.of()), "grantee_organization_id"},
                new Object[] {new AccessGrant.Request(client, agency, Set.of("nonsense"), Set.of()), "products[0]"},
                new Object[] {new AccessGrant.Request(client, agency, Set.of("panel"), Set.of()), "products[0]"},
                new Object[] {new AccessGrant.Request(client, agency, Set.of(), Set.of(stranger)), "grantee_user_ids[0]"},
                new Object[] {new AccessGrant.Request(client, agency, Set.of(), Set.of("usr_\u0000")), "grantee_user_ids[0]"});
        for (Object[] bad : cases) {
            ValidationException invalid = assertThrows(ValidationException.class,
                    () -> world.accounts.grant(world.operator(), (AccessGrant.Request) bad[0]), String.valueOf(bad[0]));
            assertEquals(bad[1], invalid.errors().get(0).field(), String.valueOf(bad[0]));
        }
        assertThrows(ValidationException.class, () -> world.accounts.grant(world.operator(), null));
        assertThrows(NotFoundException.class, () -> world.accounts.grant(world.operator(),
                new AccessGrant.Request("org_missing", agency, Set.of(), Set.of())));
        ProblemException operator = assertThrows(ProblemException.class, () -> world.accounts.grant(world.operator(),
                new AccessGrant.Request(IdentityProvider.OPERATOR_ORGANIZATION_ID, agency, Set.of(), Set.of())));
        assertEquals("operator-organization", operator.type());

        assertEquals(List.of(), world.accounts.grantsOf(client));
        assertEquals(List.of(), world.users.audit(client, "users.partner.granted"));
        assertEquals(Optional.empty(), world.users.access.of(designer, client));
    }
}
