package dev.kontor.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.organization.RoleRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Resellers (C9) as the users module gives them: permissions a module reserves for the
 * operator but declares for resellers too reach a reseller's owner and administrators,
 * and no customer's; and the partner grants' staff (C10) and the addresses of an account.
 */
class ResellerAccountsTest {

    /** A module that lets resellers manage their clients, and keeps one thing for the operator alone. */
    private static final String HOSTING = "hosting";
    private static final String MANAGE = "hosting.clients.manage";
    private static final String OPERATOR_ONLY = "hosting.nodes.manage";
    private static final String VIEW = "hosting.clients.view";

    private AccountFixture world;
    private String reseller;
    private String resellerOwner;
    private String resellerAdmin;
    private String resellerBasic;
    private String customer;
    private String customerOwner;

    private void setUp(DatabaseKind kind) {
        List<DeclaredPermissions.Declaration> declarations = new ArrayList<>(UsersFixture.declarations());
        declarations.add(new DeclaredPermissions.Declaration(HOSTING, Set.of(VIEW, MANAGE, OPERATOR_ONLY), Set.of(VIEW),
                Set.of(), Set.of(VIEW), Set.of(), Set.of(VIEW, MANAGE, OPERATOR_ONLY), Set.of(VIEW, MANAGE)));
        world = new AccountFixture(new UsersFixture(kind, declarations) {
        });
        reseller = world.open("Agency", "agency-owner").organizationId();
        resellerOwner = world.accounts.find(reseller).orElseThrow().ownerUserId();
        resellerAdmin = world.users.member(reseller, "agency-admin", "administrator");
        resellerBasic = world.users.member(reseller, "agency-basic", "basic");
        customer = world.open("Customer", "customer-owner").organizationId();
        customerOwner = world.accounts.find(customer).orElseThrow().ownerUserId();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellersOwnerAndAdministratorsHoldWhatIsDeclaredForResellers_C9(DatabaseKind kind) {
        setUp(kind);
        assertFalse(world.users.permissions(resellerOwner, reseller).contains(MANAGE)); // cached for an hour from here

        world.accounts.markReseller(world.operator(), reseller, true);

        assertTrue(world.users.permissions(resellerOwner, reseller).containsAll(Set.of(VIEW, MANAGE)));
        assertTrue(world.users.permissions(resellerAdmin, reseller).containsAll(Set.of(VIEW, MANAGE)));
        assertTrue(world.users.permissions(resellerBasic, reseller).contains(VIEW), "basic access holds what it lists");
        assertFalse(world.users.permissions(resellerBasic, reseller).contains(MANAGE));
        assertFalse(world.users.permissions(resellerOwner, reseller).contains(OPERATOR_ONLY), "the operator's stays the operator's");
        assertFalse(world.users.permissions(customerOwner, customer).contains(VIEW), "a customer holds none");
        assertEquals(1, world.users.audit(reseller, "users.account.reseller").size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void endingTheResellerStatusTakesThePermissionsAtOnce_C9(DatabaseKind kind) {
        setUp(kind);
        world.accounts.markReseller(world.operator(), reseller, true);
        assertTrue(world.users.permissions(resellerAdmin, reseller).contains(MANAGE));

        world.accounts.markReseller(world.operator(), reseller, false);
        world.accounts.markReseller(world.operator(), reseller, false); // harmless again

        assertFalse(world.users.permissions(resellerAdmin, reseller).contains(MANAGE));
        assertEquals(1, world.users.audit(reseller, "users.account.reseller-ended").size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void customRolesOfAResellerMayHoldResellersPermissionsAndACustomersMayNot_C9_U8(DatabaseKind kind) {
        setUp(kind);
        world.accounts.markReseller(world.operator(), reseller, true);

        String roleId = world.users.roles.create(world.users.caller(resellerOwner, reseller),
                new RoleRequest("Client care", List.of(MANAGE))).id();
        String carer = world.users.member(reseller, "carer", roleId);

        assertEquals(Set.of(MANAGE), world.users.permissions(carer, reseller));
        ValidationException refused = assertThrows(ValidationException.class, () -> world.users.roles.create(
                world.users.caller(customerOwner, customer), new RoleRequest("Client care", List.of(MANAGE))));
        assertEquals("permissions[0]", refused.errors().get(0).field());
        assertThrows(ValidationException.class, () -> world.users.roles.create(world.users.caller(resellerOwner, reseller),
                new RoleRequest("Nodes", List.of(OPERATOR_ONLY))));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOperatorsOrganizationIsNoReseller_C9(DatabaseKind kind) {
        setUp(kind);

        ProblemException refused = assertThrows(ProblemException.class,
                () -> world.accounts.markReseller(world.operator(), IdentityProvider.OPERATOR_ORGANIZATION_ID, true));

        assertEquals(409, refused.status());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changingTheGranteesMovesAccessBetweenThePartnersStaff_C10(DatabaseKind kind) {
        setUp(kind);
        AccessGrant grant = world.accounts.grant(world.operator(), new AccessGrant.Request(customer, reseller,
                Set.of(UsersFixture.WEBSPACES), Set.of(resellerBasic)));
        assertTrue(world.users.access.of(resellerBasic, customer).isPresent()); // cached for an hour from here
        assertEquals(Optional.empty(), world.users.access.of(resellerAdmin, customer));

        world.accounts.changeGrantees(world.operator(), grant.id(), Set.of(resellerAdmin));

        assertEquals(Optional.empty(), world.users.access.of(resellerBasic, customer));
        assertEquals(Set.of(UsersFixture.WEBSPACES_VIEW, UsersFixture.WEBSPACES_MANAGE),
                world.users.permissions(resellerAdmin, customer));
        assertEquals(Set.of(resellerAdmin), world.accounts.grantsOf(customer).get(0).granteeUserIds());

        world.accounts.changeGrantees(world.operator(), grant.id(), Set.of());

        assertTrue(world.users.access.of(resellerBasic, customer).isPresent(), "empty: every member of the partner");
        assertEquals(1 + 1, world.users.audit(customer, "users.partner.grantees-changed").size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyThePartnersMembersCanBeGrantees_C10(DatabaseKind kind) {
        setUp(kind);
        AccessGrant grant = world.accounts.grant(world.operator(), new AccessGrant.Request(customer, reseller, Set.of(),
                Set.of()));

        ValidationException refused = assertThrows(ValidationException.class,
                () -> world.accounts.changeGrantees(world.operator(), grant.id(), Set.of(resellerBasic, customerOwner)));

        assertTrue(refused.errors().get(0).field().startsWith("user_ids["), refused.errors().toString());
        assertEquals(Set.of(), world.accounts.grantsOf(customer).get(0).granteeUserIds(), "unchanged");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void memberAddressesAreTheMembersAddressesInLowerCase_C7(DatabaseKind kind) {
        setUp(kind);

        assertEquals(Set.of("agency-owner@example.com", "agency-admin@example.com", "agency-basic@example.com"),
                world.accounts.memberAddresses(reseller));
        assertEquals(Set.of(), world.accounts.memberAddresses("org_missing"));
    }
}
