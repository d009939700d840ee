package dev.kontor.users.internal.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.rest.OrganizationsResource;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrganizationsTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void creatorOfAnOrganizationIsItsOwnerAndCanSwitchToIt_U1_U12(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String home = fixture.organization("Home");
        String alice = fixture.member(home, "alice", "basic");
        OrganizationsResource resource = new OrganizationsResource(fixture.organizations, fixture.members);

        Response response = resource.create(new OrganizationsResource.OrganizationRequest("  Alice's Shop "),
                UsersFixture.security(fixture.caller(alice, home)));

        assertEquals(201, response.getStatus());
        Organization created = (Organization) response.getEntity();
        assertTrue(created.id().startsWith("org_"));
        assertEquals("Alice's Shop", created.name());
        assertEquals("owner", created.role());
        assertEquals(ETags.of(created.version()), response.getEntityTag());
        assertTrue(fixture.permissions(alice, created.id()).contains(UsersPermissions.SUPPORT_MANAGE), "owners hold everything");
        Identity identity = fixture.access.of(alice, home).orElseThrow().identity();
        assertTrue(identity.organizations().contains(new Identity.OrganizationMembership(created.id(), "Alice's Shop")),
                "the new organization is in the switcher at once");
        UsersFixture.AuditRow entry = fixture.auditEntries().get(0);
        assertEquals(List.of(alice, "users.organization.created", "organization:" + created.id(), UsersFixture.SOURCE_ADDRESS),
                List.of(entry.actorId(), entry.action(), entry.target(), entry.sourceAddress()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void membersSeeTheirOrganizationsAndOperatorStaffSeeAllBySearchAndPage(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String first = fixture.organization("Bakery Berlin");
        String second = fixture.organization("bakery Bonn");
        String third = fixture.organization("Carpenter 100% Co");
        String bob = fixture.member(first, "bob", "basic");
        fixture.join(third, bob, "owner");
        fixture.organization("Other_Bakery");

        Caller member = fixture.caller(bob, first);
        assertEquals(List.of(first, third), ids(fixture.organizations.list(member, null, PageRequest.of(null, null))));
        assertEquals(List.of("basic", "owner"),
                fixture.organizations.list(member, null, PageRequest.of(null, null)).items().stream().map(Organization::role).toList());

        String staff = fixture.member(IdentityProvider.OPERATOR_ORGANIZATION_ID, "staff", "administrator");
        Caller operator = fixture.caller(staff, IdentityProvider.OPERATOR_ORGANIZATION_ID);
        assertTrue(operator.has(UsersPermissions.ORGANIZATIONS_ALL));
        List<String> bakeries = new ArrayList<>();
        Page<Organization> page = fixture.organizations.list(operator, "BAKERY", PageRequest.of("1", null));
        bakeries.addAll(ids(page));
        while (page.nextCursor() != null) {
            page = fixture.organizations.list(operator, "BAKERY", PageRequest.of("1", page.nextCursor()));
            bakeries.addAll(ids(page));
        }
        assertEquals(3, bakeries.size(), "case-insensitive, one page at a time: " + bakeries);
        assertEquals(List.of(first, second), bakeries.subList(0, 2));
        assertEquals(List.of(third), ids(fixture.organizations.list(operator, "100%", PageRequest.of(null, null))),
                "% is no wildcard");
        assertEquals(List.of(), ids(fixture.organizations.list(operator, "ry_B", PageRequest.of(null, null))),
                "_ is no wildcard");
        assertNull(fixture.organizations.list(operator, "Carpenter", PageRequest.of(null, null)).items().get(0).role());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void renamingNeedsTheCurrentVersionAndReachesTheSwitcher(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String shop = fixture.organization("Shop");
        String owner = fixture.member(shop, "owner1", "owner");
        OrganizationsResource resource = new OrganizationsResource(fixture.organizations, fixture.members);
        Caller caller = fixture.caller(owner, shop);

        Response read = resource.get(shop, UsersFixture.security(caller));
        String etag = "\"" + read.getEntityTag().getValue() + "\"";
        Response renamed = resource.rename(shop, new OrganizationsResource.OrganizationRequest("Shop GmbH"), etag,
                UsersFixture.security(caller));

        assertEquals("Shop GmbH", ((Organization) renamed.getEntity()).name());
        assertThrows(StaleVersionException.class, () -> resource.rename(shop,
                new OrganizationsResource.OrganizationRequest("Shop AG"), etag, UsersFixture.security(caller)));
        assertEquals("Shop GmbH", fixture.access.of(owner, shop).orElseThrow().identity().organizations().get(0).name());
        assertTrue(fixture.auditEntry("users.organization.renamed").detail().contains("to 'Shop GmbH'"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badNamesAreFieldErrors(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String shop = fixture.organization("Shop");
        Caller caller = fixture.caller(fixture.member(shop, "owner1", "owner"), shop);
        for (String name : new String[] {null, "", "   ", "x".repeat(201), "line\nbreak", "tab\there"}) {
            ValidationException invalid = assertThrows(ValidationException.class, () -> fixture.organizations.create(caller, name));
            assertEquals("name", invalid.errors().get(0).field());
            invalid = assertThrows(ValidationException.class, () -> fixture.organizations.rename(caller, shop, null, name));
            assertEquals("name", invalid.errors().get(0).field());
        }
        assertEquals(200, fixture.organizations.create(caller, "y".repeat(200)).name().length());
        assertEquals("q", assertThrows(ValidationException.class,
                () -> fixture.organizations.list(caller, "q".repeat(201), PageRequest.of(null, null))).errors().get(0).field());
        assertEquals("cursor", assertThrows(ValidationException.class,
                () -> fixture.organizations.list(caller, null, PageRequest.of(null, PageRequest.encode("no-line-break"))))
                .errors().get(0).field());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherOrganizationAnswersLikeAMissingOne(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String mine = fixture.organization("Mine");
        String theirs = fixture.organization("Theirs");
        String carol = fixture.member(mine, "carol", "owner");
        fixture.join(theirs, carol, "owner");
        OrganizationsResource resource = new OrganizationsResource(fixture.organizations, fixture.members);
        Caller inMine = fixture.caller(carol, mine);

        assertThrows(NotFoundException.class, () -> resource.get(theirs, UsersFixture.security(inMine)),
                "even a member works in one organization at a time (U12)");
        assertThrows(NotFoundException.class, () -> resource.get("org_missing", UsersFixture.security(inMine)));
        assertThrows(NotFoundException.class, () -> resource.rename(theirs,
                new OrganizationsResource.OrganizationRequest("Hijacked"), null, UsersFixture.security(inMine)));
        assertEquals("Theirs", fixture.organizations.find(inMine, theirs).orElseThrow().name());

        String staff = fixture.member(IdentityProvider.OPERATOR_ORGANIZATION_ID, "staff", "administrator");
        Response read = resource.get(theirs, UsersFixture.security(fixture.caller(staff, IdentityProvider.OPERATOR_ORGANIZATION_ID)));
        assertNotNull(read.getEntity(), "operator staff administering every organization reach it");
    }

    private static List<String> ids(Page<Organization> page) {
        return page.items().stream().map(Organization::id).toList();
    }
}
