package dev.kontor.users.internal.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.rest.RolesResource;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RolesTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void builtInAndCustomRolesShowWhatTheyHoldNow_U8(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String shop = fixture.organization("Shop");
        Caller owner = fixture.caller(fixture.member(shop, "owner", "owner"), shop);
        RolesResource resource = new RolesResource(fixture.roles);
        Response created = resource.create(new RoleRequest(" Mail desk ", List.of(UsersFixture.MAILBOXES_MANAGE,
                UsersFixture.MAILBOXES_VIEW, UsersFixture.MAILBOXES_VIEW)), UsersFixture.security(owner));
        Role mailDesk = (Role) created.getEntity();
        fixture.member(shop, "clerk", mailDesk.id());

        List<Role> roles = resource.list(UsersFixture.security(owner)).items();

        assertEquals(201, created.getStatus());
        assertEquals(ETags.of(0), created.getEntityTag());
        assertTrue(mailDesk.id().startsWith("role_"));
        assertEquals(List.of("owner", "administrator", "billing", "reports", "basic", mailDesk.id()),
                roles.stream().map(Role::id).toList());
        assertEquals(List.of("Owner", "Administrator", "Billing", "Reports access", "Basic access", "Mail desk"),
                roles.stream().map(Role::name).toList());
        Map<String, Role> byId = roles.stream().collect(Collectors.toMap(Role::id, Function.identity()));
        assertTrue(byId.get("owner").builtIn() && !byId.get(mailDesk.id()).builtIn());
        assertTrue(byId.get("owner").permissions().contains(UsersPermissions.SUPPORT_MANAGE));
        assertFalse(byId.get("owner").permissions().contains(UsersPermissions.ORGANIZATIONS_ALL), "operator-only");
        assertFalse(byId.get("administrator").permissions().contains(UsersPermissions.SUPPORT_MANAGE), "owner-only");
        assertEquals(List.of(UsersPermissions.PROFILE, UsersPermissions.MEMBERS_VIEW, UsersPermissions.WORKGROUPS_VIEW,
                UsersFixture.WEBSPACES_VIEW).stream().sorted().toList(), byId.get("basic").permissions());
        assertEquals(List.of(UsersFixture.MAILBOXES_MANAGE, UsersFixture.MAILBOXES_VIEW), byId.get(mailDesk.id()).permissions());
        assertEquals(List.of(1, 1), List.of(byId.get("owner").memberCount(), byId.get(mailDesk.id()).memberCount()));
        assertNull(byId.get("owner").version(), "built-in roles have no version");

        fixture.declared.declare(UsersFixture.declarations().stream().filter(d -> !d.module().equals(UsersFixture.MAILBOXES)).toList());
        assertEquals(List.of(), fixture.roles.find(shop, mailDesk.id()).orElseThrow().permissions(),
                "a custom role gives nothing of a module that is gone");
        assertTrue(fixture.roles.find(IdentityProvider.OPERATOR_ORGANIZATION_ID, "owner").orElseThrow().permissions()
                .contains(UsersPermissions.ORGANIZATIONS_ALL), "the operator's owners hold operator-only permissions");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void customRolesHoldOnlyDeclaredPermissionsNeverOperatorOnlyOnesOfCustomers_U8(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String shop = fixture.organization("Shop");
        Caller owner = fixture.caller(fixture.member(shop, "owner", "owner"), shop);
        fixture.roles.create(owner, new RoleRequest("Existing", List.of()));
        Object[][] cases = {
            {new RoleRequest("R", Arrays.asList(UsersFixture.WEBSPACES_VIEW, "made.up")), "permissions[1]"},
            {new RoleRequest("R", Arrays.asList((String) null)), "permissions[0]"},
            {new RoleRequest("R", List.of(UsersPermissions.ORGANIZATIONS_ALL)), "permissions[0]"},
            {new RoleRequest("R", List.of(UsersFixture.PANEL_MODULES)), "permissions[0]"},
            {new RoleRequest("R", null), "permissions"},
            {new RoleRequest(" ", List.of()), "name"},
            {new RoleRequest("r".repeat(101), List.of()), "name"},
            {new RoleRequest("EXISTING", List.of()), "name"},
            {new RoleRequest("owner", List.of()), "name"},
            {new RoleRequest("Basic access", List.of()), "name"},
            {null, "name"}};
        for (Object[] bad : cases) {
            ValidationException invalid = assertThrows(ValidationException.class,
                    () -> fixture.roles.create(owner, (RoleRequest) bad[0]), String.valueOf(bad[0]));
            assertEquals(bad[1], invalid.errors().get(0).field(), String.valueOf(bad[0]));
        }
        assertEquals(6, fixture.roles.list(shop).size());

        String staff = fixture.member(IdentityProvider.OPERATOR_ORGANIZATION_ID, "staff", "owner");
        Role operatorRole = fixture.roles.create(fixture.caller(staff, IdentityProvider.OPERATOR_ORGANIZATION_ID),
                new RoleRequest("Support desk", List.of(UsersPermissions.SUPPORT_USE)));
        assertEquals(List.of(UsersPermissions.SUPPORT_USE), operatorRole.permissions());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void membersHoldTheirCustomRolesPermissionsAndItsChangesAtOnce_U8(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String shop = fixture.organization("Shop");
        Caller owner = fixture.caller(fixture.member(shop, "owner", "owner"), shop);
        Role role = fixture.roles.create(owner, new RoleRequest("Mail reader", List.of(UsersFixture.MAILBOXES_VIEW)));
        String reader = fixture.member(shop, "reader", "basic");
        fixture.members.change(owner, shop, reader, null, new MemberRequests.Change(role.id(), List.of(UsersFixture.WEBSPACES), null));
        assertEquals(Set.of(UsersFixture.MAILBOXES_VIEW, UsersFixture.WEBSPACES_VIEW, UsersFixture.WEBSPACES_MANAGE),
                fixture.permissions(reader, shop), "role ∪ products");

        RolesResource resource = new RolesResource(fixture.roles);
        String etag = "\"" + resource.get(role.id(), UsersFixture.security(owner)).getEntityTag().getValue() + "\"";
        Response changed = resource.change(role.id(), new RoleRequest(null, List.of(UsersFixture.MAILBOXES_MANAGE)), etag,
                UsersFixture.security(owner));

        assertEquals("Mail reader", ((Role) changed.getEntity()).name());
        assertEquals(Set.of(UsersFixture.MAILBOXES_MANAGE, UsersFixture.WEBSPACES_VIEW, UsersFixture.WEBSPACES_MANAGE),
                fixture.permissions(reader, shop));
        assertThrows(StaleVersionException.class, () -> resource.change(role.id(), new RoleRequest("Renamed", null), etag,
                UsersFixture.security(owner)));
        UsersFixture.AuditRow entry = fixture.auditEntry("users.role.changed");
        assertEquals("role:" + role.id(), entry.target());
        assertTrue(entry.detail().contains("added: " + UsersFixture.MAILBOXES_MANAGE), entry.detail());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void roleInUseIsNotDeletedUntilNobodyHoldsIt_U8(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String shop = fixture.organization("Shop");
        Caller owner = fixture.caller(fixture.member(shop, "owner", "owner"), shop);
        Role role = fixture.roles.create(owner, new RoleRequest("Temporary", List.of()));
        String temp = fixture.member(shop, "temp", role.id());
        RolesResource resource = new RolesResource(fixture.roles);

        ProblemException inUse = assertThrows(ProblemException.class, () -> resource.delete(role.id(), UsersFixture.security(owner)));
        assertEquals(List.of(409, "role-in-use"), List.of(inUse.status(), inUse.type()));
        fixture.members.change(owner, shop, temp, null, new MemberRequests.Change("basic", null, null));
        fixture.database.runInTransaction(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO users_invitation (id, organization_id, email, role_id, "
                    + "token_hash, state, invited_by, created_at, expires_at) VALUES ('inv_1', ?, 'x@example.org', ?, 'h', "
                    + "'pending', 'someone', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.setString(1, shop);
                insert.setString(2, role.id());
                insert.executeUpdate();
            }
        });
        assertEquals("role-in-use", assertThrows(ProblemException.class, () -> fixture.roles.delete(owner, role.id())).type(),
                "a pending invitation holds it too");
        fixture.database.runInTransaction(connection -> connection.createStatement()
                .executeUpdate("UPDATE users_invitation SET state = 'revoked'"));

        assertEquals(204, resource.delete(role.id(), UsersFixture.security(owner)).getStatus());

        assertTrue(fixture.roles.find(shop, role.id()).isEmpty());
        assertEquals("role:" + role.id(), fixture.auditEntry("users.role.deleted").target());
        assertEquals("role", assertThrows(ValidationException.class, () -> fixture.members.change(owner, shop, temp, null,
                new MemberRequests.Change(role.id(), null, null))).errors().get(0).field());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void builtInRolesAndOtherOrganizationsRolesAreOutOfReach(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String shop = fixture.organization("Shop");
        String other = fixture.organization("Other");
        Caller owner = fixture.caller(fixture.member(shop, "owner", "owner"), shop);
        Caller otherOwner = fixture.caller(fixture.member(other, "other", "owner"), other);
        Role foreign = fixture.roles.create(otherOwner, new RoleRequest("Theirs", List.of()));

        assertEquals("built-in-role", assertThrows(ProblemException.class,
                () -> fixture.roles.change(owner, "owner", null, new RoleRequest("Boss", null))).type());
        assertEquals("built-in-role", assertThrows(ProblemException.class, () -> fixture.roles.delete(owner, "basic")).type());
        assertThrows(NotFoundException.class, () -> fixture.roles.change(owner, foreign.id(), null, new RoleRequest("Mine", null)));
        assertThrows(NotFoundException.class, () -> fixture.roles.delete(owner, foreign.id()));
        assertThrows(NotFoundException.class, () -> new RolesResource(fixture.roles).get(foreign.id(), UsersFixture.security(owner)));
        assertEquals("role", assertThrows(ValidationException.class, () -> fixture.members.add(owner, shop,
                new MemberRequests.Add("other", null, foreign.id(), null, null))).errors().get(0).field());
        assertNull(new RolesResource(fixture.roles).get("basic", UsersFixture.security(owner)).getEntityTag());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nobodyPutsPermissionsTheyLackIntoARole_U2(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String shop = fixture.organization("Shop");
        Caller owner = fixture.caller(fixture.member(shop, "owner", "owner"), shop);
        Caller administrator = fixture.caller(fixture.member(shop, "admin1", "administrator"), shop);
        Role ownerMade = fixture.roles.create(owner, new RoleRequest("Support lead", List.of(UsersPermissions.SUPPORT_MANAGE)));

        ProblemException refused = assertThrows(ProblemException.class, () -> fixture.roles.create(administrator,
                new RoleRequest("Sneaky", List.of(UsersPermissions.SUPPORT_MANAGE))));
        assertEquals(List.of(403, "exceeds-own-access"), List.of(refused.status(), refused.type()));
        Role renamed = fixture.roles.change(administrator, ownerMade.id(), null, new RoleRequest("Support leads",
                List.of(UsersPermissions.SUPPORT_MANAGE, UsersFixture.MAILBOXES_VIEW)));
        assertEquals("Support leads", renamed.name(), "keeping what is there is no handing out");
    }
}
