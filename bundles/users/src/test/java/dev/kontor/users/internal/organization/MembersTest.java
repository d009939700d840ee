package dev.kontor.users.internal.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.login.PasswordHasher;
import dev.kontor.users.internal.rest.MembersResource;
import dev.kontor.users.internal.rest.RolesResource;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MembersTest {

    private static final String PASSWORD = "a long enough password";

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void existingLoginJoinsWithRoleProductsAndContact_U3(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        String dave = fixture.member(fixture.organization("Dave's own"), "dave", "owner");
        MembersResource resource = new MembersResource(fixture.members);

        Response response = resource.add(shop.id(), new MemberRequests.Add("Dave", null, "basic", List.of(UsersFixture.MAILBOXES),
                new MemberRequests.ContactChoice(true, null, null)), UsersFixture.security(shop.owner()));

        assertEquals(201, response.getStatus());
        Member member = (Member) response.getEntity();
        assertEquals(List.of(dave, "dave", "basic", "Basic access", List.of(UsersFixture.MAILBOXES), new Contact(true, false, false)),
                List.of(member.userId(), member.username(), member.role(), member.roleName(), member.products(), member.contact()));
        assertEquals(ETags.of(member.version()), response.getEntityTag());
        assertEquals(2, fixture.access.of(dave, shop.id()).orElseThrow().identity().organizations().size(), "in both now (U12)");
        assertTrue(fixture.permissions(dave, shop.id()).contains(UsersFixture.MAILBOXES_MANAGE));
        UsersFixture.AuditRow entry = fixture.auditEntries().get(0);
        assertEquals(List.of(shop.ownerId(), "users.member.added", "user:" + dave, UsersFixture.SOURCE_ADDRESS),
                List.of(entry.actorId(), entry.action(), entry.target(), entry.sourceAddress()));
        ProblemException twice = assertThrows(ProblemException.class, () -> fixture.members.add(shop.owner(), shop.id(),
                new MemberRequests.Add("dave", null, "basic", null, null)));
        assertEquals(List.of(409, "already-member"), List.of(twice.status(), twice.type()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void externalPersonGetsANewLoginThatCanLogIn_U3(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();

        Member member = fixture.members.add(shop.owner(), shop.id(), new MemberRequests.Add(null,
                new MemberRequests.NewLogin("erin.extern", "erin@example.org", "Erin Extern", PASSWORD, "de"),
                "billing", null, null));

        Logins.Login login = fixture.database.inTransaction(connection -> Logins.byUsername(connection, "ERIN.EXTERN")).orElseThrow();
        assertEquals(login.id(), member.userId());
        assertEquals(List.of("erin@example.org", "Erin Extern", "de"), List.of(login.email(), login.displayName(), login.language()));
        assertTrue(PasswordHasher.DEFAULT.matches(PASSWORD.toCharArray(), login.passwordHash()));
        assertEquals("billing", member.role());
        assertTrue(fixture.caller(login.id(), shop.id()).has(UsersPermissions.MEMBERS_VIEW), "acts in the shop at once");
        assertEquals(Set.of("users.login.created", "users.member.added"),
                fixture.auditEntries().stream().map(UsersFixture.AuditRow::action).collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badAdditionsNameTheFieldAndChangeNothing(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        fixture.login("taken");
        Caller owner = shop.owner();
        MemberRequests.NewLogin good = new MemberRequests.NewLogin("newbie", "newbie@example.org", "Newbie", PASSWORD, null);
        List<Object[]> cases = List.of(
                new Object[] {new MemberRequests.Add(null, null, "basic", null, null), "username"},
                new Object[] {new MemberRequests.Add("taken", good, "basic", null, null), "username"},
                new Object[] {new MemberRequests.Add("nobody-here", null, "basic", null, null), "username"},
                new Object[] {new MemberRequests.Add("taken", null, null, null, null), "role"},
                new Object[] {new MemberRequests.Add("taken", null, "emperor", null, null), "role"},
                new Object[] {new MemberRequests.Add("taken", null, "basic", List.of("webspaces", "nonsense"), null), "products[1]"},
                new Object[] {new MemberRequests.Add("taken", null, "basic", List.of("panel"), null), "products[0]"},
                new Object[] {new MemberRequests.Add(null, new MemberRequests.NewLogin("x", "a@b.c", "X", PASSWORD, null),
                        "basic", null, null), "new_login.username"},
                new Object[] {new MemberRequests.Add(null, new MemberRequests.NewLogin("taken", "a@example.org", "X", PASSWORD, null),
                        "basic", null, null), "new_login.username"},
                new Object[] {new MemberRequests.Add(null, new MemberRequests.NewLogin("newbie", "no-address", "X", PASSWORD, null),
                        "basic", null, null), "new_login.email"},
                new Object[] {new MemberRequests.Add(null, new MemberRequests.NewLogin("newbie", "n@example.org", " ", PASSWORD, null),
                        "basic", null, null), "new_login.display_name"},
                new Object[] {new MemberRequests.Add(null, new MemberRequests.NewLogin("newbie", "n@example.org", "N", "short", null),
                        "basic", null, null), "new_login.password"},
                new Object[] {new MemberRequests.Add(null, new MemberRequests.NewLogin("newbie", "n@example.org", "N", PASSWORD, "fr"),
                        "basic", null, null), "new_login.language"});
        for (Object[] bad : cases) {
            ValidationException invalid = assertThrows(ValidationException.class,
                    () -> fixture.members.add(owner, shop.id(), (MemberRequests.Add) bad[0]), String.valueOf(bad[0]));
            assertEquals(bad[1], invalid.errors().get(0).field(), String.valueOf(bad[0]));
        }
        assertThrows(ValidationException.class, () -> fixture.members.add(owner, shop.id(), null));
        assertEquals(1, fixture.members.list(shop.id(), null, PageRequest.of(null, null)).items().size());
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM users_login WHERE username_key = 'newbie'"));
        assertEquals(List.of(), fixture.auditEntries());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void roleProductsAndContactChangeWithTheCurrentVersion_U5(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        String frank = fixture.member(shop.id(), "frank", "basic");
        MembersResource resource = new MembersResource(fixture.members);
        Caller owner = shop.owner();
        assertFalse(fixture.permissions(frank, shop.id()).contains(UsersFixture.MAILBOXES_VIEW));

        Response read = resource.get(shop.id(), frank, UsersFixture.security(owner));
        String etag = "\"" + read.getEntityTag().getValue() + "\"";
        Response changed = resource.change(shop.id(), frank, new MemberRequests.Change("reports", List.of(UsersFixture.WEBSPACES),
                new MemberRequests.ContactChoice(null, true, true)), etag, UsersFixture.security(owner));

        Member member = (Member) changed.getEntity();
        assertEquals(List.of("reports", List.of(UsersFixture.WEBSPACES), new Contact(false, true, true)),
                List.of(member.role(), member.products(), member.contact()));
        Set<String> now = fixture.permissions(frank, shop.id());
        assertTrue(now.contains(UsersFixture.MAILBOXES_VIEW) && now.contains(UsersFixture.WEBSPACES_MANAGE),
                "reports access gives mailboxes.view, the product webspaces.manage, at once: " + now);
        assertThrows(StaleVersionException.class, () -> resource.change(shop.id(), frank,
                new MemberRequests.Change("basic", null, null), etag, UsersFixture.security(owner)));
        Member contactOnly = fixture.members.change(owner, shop.id(), frank, null,
                new MemberRequests.Change(null, null, new MemberRequests.ContactChoice(true, null, false)));
        assertEquals(List.of("reports", new Contact(true, true, false)), List.of(contactOnly.role(), contactOnly.contact()));
        assertEquals(2, fixture.auditEntries().stream().filter(entry -> entry.action().equals("users.member.changed")).count(),
                "each change is audited, the stale one is not");
        assertThrows(NotFoundException.class, () -> fixture.members.change(owner, shop.id(), "usr_nobody", null,
                new MemberRequests.Change("basic", null, null)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void effectiveAccessIsTheRoleWithTheProducts_U8(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        String plain = fixture.member(shop.id(), "plain", "basic");
        String withProduct = fixture.member(shop.id(), "withproduct", "basic", UsersFixture.MAILBOXES);

        Set<String> basic = fixture.permissions(plain, shop.id());
        Set<String> extended = fixture.permissions(withProduct, shop.id());

        assertTrue(basic.contains(UsersFixture.WEBSPACES_VIEW) && !basic.contains(UsersFixture.MAILBOXES_MANAGE), basic.toString());
        Set<String> expected = new java.util.HashSet<>(basic);
        expected.addAll(Set.of(UsersFixture.MAILBOXES_VIEW, UsersFixture.MAILBOXES_MANAGE));
        assertEquals(expected, extended);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nobodyHandsOutMoreThanTheyHoldNorTouchesAnOwnerUnlessOwner_U2(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        String admin = fixture.member(shop.id(), "admin1", "administrator");
        String clerk = fixture.member(shop.id(), "clerk", "basic");
        Caller administrator = fixture.caller(admin, shop.id());

        assertEquals("owner-required", assertThrows(ProblemException.class,
                () -> fixture.members.change(administrator, shop.id(), admin, null, new MemberRequests.Change("owner", null, null))).type());
        assertEquals("owner-required", assertThrows(ProblemException.class,
                () -> fixture.members.change(administrator, shop.id(), shop.ownerId(), null, new MemberRequests.Change("basic", null, null)))
                .type());
        assertEquals("owner-required", assertThrows(ProblemException.class,
                () -> fixture.members.remove(administrator, shop.id(), shop.ownerId())).type());
        assertEquals("administrator", fixture.members.change(administrator, shop.id(), clerk, null,
                new MemberRequests.Change("administrator", null, null)).role(), "an administrator appoints administrators");

        String roleId = fixture.roles.create(shop.owner(), new RoleRequest("Support manager",
                List.of(UsersPermissions.SUPPORT_MANAGE))).id();
        ProblemException beyond = assertThrows(ProblemException.class, () -> fixture.members.change(administrator, shop.id(), clerk,
                null, new MemberRequests.Change(roleId, null, null)));
        assertEquals(List.of(403, "exceeds-own-access"), List.of(beyond.status(), beyond.type()));
        assertEquals(roleId, fixture.members.change(shop.owner(), shop.id(), clerk, null,
                new MemberRequests.Change(roleId, null, null)).role());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void bulkRemovalTakesAllOrNone_U4(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        String other = fixture.organization("Other");
        List<String> staff = new ArrayList<>();
        for (String name : List.of("gina", "hank", "ivan")) {
            String id = fixture.member(shop.id(), name, "basic");
            fixture.join(other, id, "basic");
            staff.add(id);
        }
        String stranger = fixture.member(other, "stranger", "basic");

        ValidationException refused = assertThrows(ValidationException.class, () -> fixture.members.bulkRemove(shop.owner(), shop.id(),
                new MemberRequests.BulkRemove(List.of(staff.get(0), staff.get(1), stranger))));
        assertEquals("user_ids[2]", refused.errors().get(0).field());
        assertEquals(4, fixture.members.list(shop.id(), null, PageRequest.of(null, null)).items().size(), "nothing was removed");

        ProblemException lastOwner = assertThrows(ProblemException.class, () -> fixture.members.bulkRemove(shop.owner(), shop.id(),
                new MemberRequests.BulkRemove(List.of(staff.get(0), shop.ownerId()))));
        assertEquals("last-owner", lastOwner.type());

        MemberRequests.BulkRemoved removed = new MembersResource(fixture.members).bulkRemove(shop.id(),
                new MemberRequests.BulkRemove(List.of(staff.get(2), staff.get(0), staff.get(2))), UsersFixture.security(shop.owner()));

        assertEquals(List.of(staff.get(2), staff.get(0)), removed.removed());
        assertEquals(List.of("hank", "owner"), fixture.members.list(shop.id(), null, PageRequest.of(null, null)).items().stream()
                .map(Member::username).toList());
        assertEquals(2, fixture.auditEntries().stream().filter(entry -> entry.action().equals("users.member.removed")).count());
        for (List<String> bad : java.util.Arrays.asList(null, List.<String>of(), java.util.Collections.nCopies(Members.MAX_BULK + 1, "x"))) {
            assertEquals("user_ids", assertThrows(ValidationException.class, () -> fixture.members.bulkRemove(shop.owner(), shop.id(),
                    new MemberRequests.BulkRemove(bad))).errors().get(0).field());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removedMembersAccessTokensAndWorkgroupsThereEndAtOnce_U10(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        String elsewhere = fixture.organization("Elsewhere");
        String jane = fixture.member(shop.id(), "jane", "administrator");
        fixture.join(elsewhere, jane, "basic");
        Workgroups.in(fixture, shop.id(), "wg_shop", jane, true);
        Workgroups.in(fixture, elsewhere, "wg_elsewhere", jane, false);
        Tokens.issue(fixture, "tok_shop", shop.id(), jane);
        Tokens.issue(fixture, "tok_elsewhere", elsewhere, jane);
        assertTrue(fixture.access.of(jane, shop.id()).isPresent(), "cached as allowed before the removal");

        new MembersResource(fixture.members).remove(shop.id(), jane, UsersFixture.security(shop.owner()));

        assertTrue(fixture.access.of(jane, shop.id()).isEmpty(), "no request of hers passes in the shop any more");
        assertTrue(fixture.access.of(jane, elsewhere).isPresent(), "her other organization is untouched");
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM users_token WHERE id = 'tok_shop' AND revoked_at IS NOT NULL"));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM users_token WHERE id = 'tok_elsewhere' AND revoked_at IS NULL"));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM users_workgroup_member WHERE workgroup_id = 'wg_shop'"));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM users_workgroup WHERE lead_user_id IS NOT NULL AND id = 'wg_shop'"));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM users_workgroup_member WHERE workgroup_id = 'wg_elsewhere'"));
        assertEquals("user:" + jane, fixture.auditEntry("users.member.removed").target());
        assertThrows(NotFoundException.class, () -> fixture.members.remove(shop.owner(), shop.id(), jane));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void loginRemovedFromItsOnlyOrganizationIsDeletedWithItsTokens_U1(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        String kim = fixture.member(shop.id(), "kim", "basic");
        Tokens.issue(fixture, "tok_kim", shop.id(), kim);

        fixture.members.remove(shop.owner(), shop.id(), kim);

        assertEquals(0, fixture.count("SELECT COUNT(*) FROM users_login WHERE id = ?", kim));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM users_token WHERE user_id = ?", kim));
        assertTrue(fixture.access.of(kim, shop.id()).isEmpty());
        assertTrue(fixture.auditEntry("users.member.removed").detail().contains("login was deleted"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void operatorsBuiltInLoginIsNeverDeleted(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        String operator = IdentityProvider.OPERATOR_ORGANIZATION_ID;
        Caller secondOwner = fixture.caller(fixture.member(operator, "chief", "owner"), operator);

        ProblemException refused = assertThrows(ProblemException.class,
                () -> fixture.members.remove(secondOwner, operator, IdentityProvider.OPERATOR_ADMIN_ID));

        assertEquals(List.of(409, "built-in-login"), List.of(refused.status(), refused.type()));
        assertTrue(fixture.access.of(IdentityProvider.OPERATOR_ADMIN_ID, operator).isPresent());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void memberLeavesButNeverTheirOnlyOrganization_U4_U1(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        String home = fixture.organization("Home");
        String leo = fixture.member(shop.id(), "leo", "basic");
        String mia = fixture.member(shop.id(), "mia", "basic");
        fixture.join(home, leo, "owner");

        fixture.members.leave(fixture.caller(leo, shop.id()), shop.id());

        assertTrue(fixture.access.of(leo, shop.id()).isEmpty());
        assertTrue(fixture.access.of(leo, home).isPresent());
        assertEquals("user:" + leo, fixture.auditEntry("users.member.left").target());
        ProblemException only = assertThrows(ProblemException.class, () -> fixture.members.leave(fixture.caller(mia, shop.id()), shop.id()));
        assertEquals(List.of(409, "last-organization"), List.of(only.status(), only.type()));
        assertTrue(fixture.access.of(mia, shop.id()).isPresent());
        assertThrows(NotFoundException.class, () -> fixture.members.leave(fixture.caller(leo, home), shop.id()), "no member any more");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void lastOwnerIsNeverRemovedDemotedOrGone_U6(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        fixture.join(fixture.organization("Owner's other"), shop.ownerId(), "basic");
        Caller owner = shop.owner();

        for (Runnable attempt : List.<Runnable>of(
                () -> fixture.members.leave(owner, shop.id()),
                () -> fixture.members.remove(owner, shop.id(), shop.ownerId()),
                () -> fixture.members.change(owner, shop.id(), shop.ownerId(), null, new MemberRequests.Change("administrator", null, null)),
                () -> fixture.members.bulkRemove(owner, shop.id(), new MemberRequests.BulkRemove(List.of(shop.ownerId()))))) {
            ProblemException refused = assertThrows(ProblemException.class, attempt::run);
            assertEquals(List.of(409, "last-owner"), List.of(refused.status(), refused.type()));
            assertTrue(refused.getMessage().contains("Appoint another owner first"));
        }
        String successor = fixture.member(shop.id(), "successor", "basic");
        fixture.members.change(owner, shop.id(), successor, null, new MemberRequests.Change("owner", null, null));
        fixture.members.change(owner, shop.id(), shop.ownerId(), null, new MemberRequests.Change("basic", null, null));
        assertEquals("basic", fixture.members.find(shop.id(), shop.ownerId()).orElseThrow().role(), "replaced by appointing first");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void membersAreListedByUsernameSearchedAndPaged(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        for (String name : List.of("zoe", "Yann", "xavier_x", "walter")) {
            fixture.member(shop.id(), name, "basic");
        }
        List<String> names = new ArrayList<>();
        Page<Member> page = fixture.members.list(shop.id(), null, PageRequest.of("2", null));
        names.addAll(page.items().stream().map(Member::username).toList());
        while (page.nextCursor() != null) {
            page = fixture.members.list(shop.id(), null, PageRequest.of("2", page.nextCursor()));
            names.addAll(page.items().stream().map(Member::username).toList());
        }
        assertEquals(List.of("owner", "walter", "xavier_x", "Yann", "zoe"), names);
        assertEquals(List.of("Yann"), usernames(fixture.members.list(shop.id(), "YANN@EXAMPLE", PageRequest.of(null, null))));
        assertEquals(List.of("xavier_x"), usernames(fixture.members.list(shop.id(), "r_x", PageRequest.of(null, null))));
        assertEquals(List.of(), usernames(fixture.members.list(shop.id(), "%", PageRequest.of(null, null))));
        assertThrows(NotFoundException.class, () -> fixture.members.list("org_missing", null, PageRequest.of(null, null)));
        assertThrows(NotFoundException.class, () -> new MembersResource(fixture.members).list(fixture.organization("Foreign"), null,
                null, null, UsersFixture.security(shop.owner())));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void idsAndCursorsNoIdCanBeAreRefusedBeforeTheDatabaseSeesThem(DatabaseKind kind) {
        UsersFixture fixture = new UsersFixture(kind);
        UsersFixture.Shop shop = fixture.shop();
        MembersResource resource = new MembersResource(fixture.members);
        var security = UsersFixture.security(shop.owner());
        String nul = "usr_\u0000";

        assertThrows(NotFoundException.class, () -> resource.get(shop.id(), nul, security));
        assertThrows(NotFoundException.class, () -> resource.remove(shop.id(), nul, security));
        assertThrows(NotFoundException.class, () -> resource.get(shop.id(), "u".repeat(10_000), security));
        assertThrows(NotFoundException.class, () -> new RolesResource(fixture.roles).delete("role_\u0000", security));
        assertEquals("user_ids[1]", assertThrows(ValidationException.class, () -> resource.bulkRemove(shop.id(),
                new MemberRequests.BulkRemove(List.of(shop.ownerId(), nul)), security)).errors().get(0).field());
        assertEquals("role", assertThrows(ValidationException.class, () -> resource.change(shop.id(), shop.ownerId(),
                new MemberRequests.Change("role_\u0000", null, null), null, security)).errors().get(0).field());
        assertEquals("new_login.email", assertThrows(ValidationException.class, () -> resource.add(shop.id(),
                new MemberRequests.Add(null, new MemberRequests.NewLogin("nul", "a\u0000@example.org", "N", PASSWORD, null),
                        "basic", null, null), security)).errors().get(0).field());
        assertEquals("cursor", assertThrows(ValidationException.class, () -> resource.list(shop.id(), null, null,
                PageRequest.encode("\u0000"), security)).errors().get(0).field());
        assertEquals("cursor", assertThrows(ValidationException.class, () -> fixture.organizations.list(shop.owner(), null,
                PageRequest.of(null, PageRequest.encode("shop\u0000\norg_1")))).errors().get(0).field());
        assertEquals(List.of(), fixture.auditEntries());
    }

    private static List<String> usernames(Page<Member> page) {
        return page.items().stream().map(Member::username).toList();
    }

    /** An organization with its owner, the starting point of most tests. */
    /** Workgroup rows as the workgroups service stores them. */
    private static final class Workgroups {

        static void in(UsersFixture fixture, String organizationId, String id, String userId, boolean lead) {
            fixture.database.runInTransaction(connection -> {
                try (var insert = connection.prepareStatement("INSERT INTO users_workgroup (id, organization_id, name, products, "
                        + "lead_user_id, created_at) VALUES (?, ?, 'Group', 'mailboxes', ?, CURRENT_TIMESTAMP)")) {
                    insert.setString(1, id);
                    insert.setString(2, organizationId);
                    insert.setString(3, lead ? userId : null);
                    insert.executeUpdate();
                }
                try (var insert = connection.prepareStatement("INSERT INTO users_workgroup_member (workgroup_id, user_id) VALUES (?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, userId);
                    insert.executeUpdate();
                }
            });
        }
    }

    /** Personal API token rows as the tokens service stores them. */
    private static final class Tokens {

        static void issue(UsersFixture fixture, String id, String organizationId, String userId) {
            fixture.database.runInTransaction(connection -> {
                try (var insert = connection.prepareStatement("INSERT INTO users_token (id, kind, organization_id, user_id, name, "
                        + "token_hash, scopes, created_at, expires_at) VALUES (?, 'personal', ?, ?, 'cli', ?, '', CURRENT_TIMESTAMP, "
                        + "CURRENT_TIMESTAMP)")) {
                    insert.setString(1, id);
                    insert.setString(2, organizationId);
                    insert.setString(3, userId);
                    insert.setString(4, id + "-hash");
                    insert.executeUpdate();
                }
            });
        }
    }
}
