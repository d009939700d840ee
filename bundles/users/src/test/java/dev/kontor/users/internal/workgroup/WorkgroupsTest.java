package dev.kontor.users.internal.workgroup;

import static dev.kontor.users.internal.invitation.InvitationFixture.assertField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.invitation.InvitationFixture;
import dev.kontor.users.internal.organization.RoleRequest;
import dev.kontor.users.internal.rest.WorkgroupsResource;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkgroupsTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void groupMembershipAddsTheGroupsProductsAndLeavingTakesThemAway_U7(DatabaseKind kind) {
        Team team = new Team(kind);
        assertFalse(team.fixture.permissions(team.bea, team.shop).contains(UsersFixture.MAILBOXES_MANAGE));
        WorkgroupsResource resource = new WorkgroupsResource(team.workgroups);

        Response created = resource.create(team.shop, new NewWorkgroup(" Mail team ", List.of(UsersFixture.MAILBOXES),
                List.of(team.bea, team.cid), team.bea), UsersFixture.security(team.owner()));

        assertEquals(201, created.getStatus());
        Workgroup group = (Workgroup) created.getEntity();
        assertEquals(List.of("Mail team", List.of(UsersFixture.MAILBOXES), team.bea),
                List.of(group.name(), group.products(), group.leadUserId()));
        assertEquals(List.of(new Workgroup.Member(team.bea, "bea"), new Workgroup.Member(team.cid, "cid")), group.members());
        assertTrue(team.fixture.permissions(team.bea, team.shop).contains(UsersFixture.MAILBOXES_MANAGE),
                "effective access is role ∪ products ∪ groups");
        assertTrue(team.fixture.permissions(team.bea, team.shop).contains(UsersPermissions.MEMBERS_VIEW), "the role still counts");

        WorkgroupChange leave = new WorkgroupChange();
        leave.setRemoveMemberIds(List.of(team.cid));
        team.workgroups.change(team.owner(), team.shop, group.id(), null, leave);

        assertFalse(team.fixture.permissions(team.cid, team.shop).contains(UsersFixture.MAILBOXES_MANAGE));
        assertTrue(team.fixture.permissions(team.bea, team.shop).contains(UsersFixture.MAILBOXES_MANAGE));

        assertEquals(204, resource.delete(team.shop, group.id(), null, UsersFixture.security(team.owner())).getStatus());

        assertFalse(team.fixture.permissions(team.bea, team.shop).contains(UsersFixture.MAILBOXES_MANAGE));
        assertEquals(List.of("users.workgroup.created", "users.workgroup.changed", "users.workgroup.deleted"),
                team.fixture.auditEntries().stream().map(UsersFixture.AuditRow::action)
                        .filter(action -> action.startsWith("users.workgroup.")).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theLeadMustBeAMemberOfTheGroup_U7(DatabaseKind kind) {
        Team team = new Team(kind);

        assertField("lead_user_id", () -> team.workgroups.create(team.owner(), team.shop,
                new NewWorkgroup("Leaderless", List.of(), List.of(team.bea), team.cid)));
        Workgroup group = team.workgroups.create(team.owner(), team.shop,
                new NewWorkgroup("Led", List.of(), List.of(team.bea, team.cid), team.bea));
        WorkgroupChange outsiderLead = new WorkgroupChange();
        outsiderLead.setLeadUserId(team.dan);
        assertField("lead_user_id", () -> team.workgroups.change(team.owner(), team.shop, group.id(), null, outsiderLead));
        WorkgroupChange dropLead = new WorkgroupChange();
        dropLead.setRemoveMemberIds(List.of(team.cid, team.bea));
        assertField("remove_member_ids[1]", () -> team.workgroups.change(team.owner(), team.shop, group.id(), null, dropLead));

        WorkgroupChange newLead = new WorkgroupChange();
        newLead.setRemoveMemberIds(List.of(team.bea));
        newLead.setLeadUserId(team.cid);
        assertEquals(team.cid, team.workgroups.change(team.owner(), team.shop, group.id(), null, newLead).orElseThrow().leadUserId());
        WorkgroupChange noLead = new WorkgroupChange();
        noLead.setLeadUserId(null);
        assertNull(team.workgroups.change(team.owner(), team.shop, group.id(), null, noLead).orElseThrow().leadUserId());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void severalMembersJoinAtOnceButOnlyMembersOfTheOrganization_U7(DatabaseKind kind) {
        Team team = new Team(kind);
        String stranger = team.fixture.member(team.fixture.organization("Elsewhere"), "stranger", "owner");
        Workgroup group = team.workgroups.create(team.owner(), team.shop, new NewWorkgroup("Web", List.of(UsersFixture.WEBSPACES),
                List.of(), null));

        assertField("member_ids[1]", () -> team.workgroups.create(team.owner(), team.shop,
                new NewWorkgroup("Other", List.of(), List.of(team.bea, stranger), null)));
        WorkgroupChange withStranger = new WorkgroupChange();
        withStranger.setAddMemberIds(List.of(team.bea, stranger));
        assertField("add_member_ids[1]", () -> team.workgroups.change(team.owner(), team.shop, group.id(), null, withStranger));
        assertEquals(List.of(), team.workgroups.find(team.shop, group.id()).orElseThrow().members(), "nothing of a refused change");

        WorkgroupChange three = new WorkgroupChange();
        three.setAddMemberIds(List.of(team.bea, team.cid, team.dan, team.bea));
        Workgroup changed = team.workgroups.change(team.owner(), team.shop, group.id(), null, three).orElseThrow();

        assertEquals(List.of(team.bea, team.cid, team.dan), changed.memberIds());
        assertEquals(group.version() + 1, changed.version());
        for (String member : List.of(team.bea, team.cid, team.dan)) {
            assertTrue(team.fixture.permissions(member, team.shop).contains(UsersFixture.WEBSPACES_MANAGE), member);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changesNeedTheVersionTheClientSaw(DatabaseKind kind) {
        Team team = new Team(kind);
        WorkgroupsResource resource = new WorkgroupsResource(team.workgroups);
        Workgroup group = team.workgroups.create(team.owner(), team.shop, new NewWorkgroup("Web", List.of(), List.of(), null));
        Response read = resource.get(team.shop, group.id(), UsersFixture.security(team.owner()));
        assertEquals(ETags.of(group.version()), read.getEntityTag());
        WorkgroupChange rename = new WorkgroupChange();
        rename.setName("Web team");

        Response renamed = resource.change(team.shop, group.id(), rename, "\"v" + group.version() + "\"",
                UsersFixture.security(team.owner()));

        assertEquals(ETags.of(group.version() + 1), renamed.getEntityTag());
        assertThrows(StaleVersionException.class, () -> resource.change(team.shop, group.id(), rename,
                "\"v" + group.version() + "\"", UsersFixture.security(team.owner())));
        assertThrows(StaleVersionException.class, () -> resource.delete(team.shop, group.id(), "\"v" + group.version() + "\"",
                UsersFixture.security(team.owner())));
        assertEquals("Web team", team.workgroups.find(team.shop, group.id()).orElseThrow().name());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherOrganizationsGroupsAnswerLikeMissingOnes(DatabaseKind kind) {
        Team team = new Team(kind);
        String other = team.fixture.organization("Other");
        String otherOwner = team.fixture.member(other, "other-owner", "owner");
        Workgroup theirs = team.workgroups.create(team.fixture.caller(otherOwner, other), other,
                new NewWorkgroup("Theirs", List.of(), List.of(otherOwner), null));
        WorkgroupsResource resource = new WorkgroupsResource(team.workgroups);

        assertThrows(NotFoundException.class, () -> resource.get(team.shop, theirs.id(), UsersFixture.security(team.owner())));
        assertThrows(NotFoundException.class, () -> resource.list(other, null, null, null, UsersFixture.security(team.owner())));
        assertThrows(NotFoundException.class, () -> resource.delete(team.shop, theirs.id(), null, UsersFixture.security(team.owner())));
        assertTrue(team.workgroups.find(other, theirs.id()).isPresent());
        String tooLong = "wg_" + "0".repeat(500);
        assertThrows(NotFoundException.class, () -> resource.get(team.shop, tooLong, UsersFixture.security(team.owner())));
        assertThrows(NotFoundException.class, () -> resource.get(tooLong, theirs.id(), UsersFixture.security(team.owner())));
        assertEquals(List.of(), team.workgroups.list(team.shop, "%_".repeat(50), PageRequest.of(null, null)).items());
        assertThrows(ValidationException.class, () -> team.workgroups.list(team.shop, "q".repeat(201), PageRequest.of(null, null)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void listsSearchAndPageAndBadInputIsAFieldError(DatabaseKind kind) {
        Team team = new Team(kind);
        for (String name : List.of("Web 100%", "Mail", "web_b")) {
            team.workgroups.create(team.owner(), team.shop, new NewWorkgroup(name, null, null, null));
        }

        assertEquals(List.of("Web 100%"), team.workgroups.list(team.shop, "100%", PageRequest.of(null, null)).items().stream()
                .map(Workgroup::name).toList());
        var first = team.workgroups.list(team.shop, "WEB", PageRequest.of("1", null));
        var second = team.workgroups.list(team.shop, "WEB", PageRequest.of("1", first.nextCursor()));
        assertEquals(List.of("Web 100%", "web_b"), List.of(first.items().get(0).name(), second.items().get(0).name()));
        assertNull(second.nextCursor());

        assertField("name", () -> team.workgroups.create(team.owner(), team.shop, new NewWorkgroup("MAIL", null, null, null)));
        assertField("name", () -> team.workgroups.create(team.owner(), team.shop, new NewWorkgroup(" ", null, null, null)));
        assertField("name", () -> team.workgroups.create(team.owner(), team.shop, null));
        assertField("name", () -> team.workgroups.create(team.owner(), team.shop, new NewWorkgroup("a\u0000b", null, null, null)));
        assertField("products[0]", () -> team.workgroups.create(team.owner(), team.shop,
                new NewWorkgroup("X", List.of("teleporter"), null, null)));
        assertField("member_ids[0]", () -> team.workgroups.create(team.owner(), team.shop,
                new NewWorkgroup("X", null, java.util.Arrays.asList((String) null), null)));
        assertEquals(3, team.fixture.count("SELECT COUNT(*) FROM users_workgroup"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nobodyGivesAGroupMoreThanTheyHold_U2(DatabaseKind kind) {
        Team team = new Team(kind);
        String roleId = team.fixture.roles.create(team.owner(), new RoleRequest("Group keeper",
                List.of(UsersPermissions.WORKGROUPS_MANAGE, UsersFixture.WEBSPACES_VIEW, UsersFixture.WEBSPACES_MANAGE))).id();
        String keeper = team.fixture.member(team.shop, "keeper", roleId);
        Caller keeping = team.fixture.caller(keeper, team.shop);
        Workgroup mail = team.workgroups.create(team.owner(), team.shop,
                new NewWorkgroup("Mail", List.of(UsersFixture.MAILBOXES), List.of(), null));

        ProblemException refused = assertThrows(ProblemException.class, () -> team.workgroups.create(keeping, team.shop,
                new NewWorkgroup("Mine", List.of(UsersFixture.MAILBOXES), List.of(keeper), null)));
        assertEquals("exceeds-own-access", refused.type());
        WorkgroupChange joinMail = new WorkgroupChange();
        joinMail.setAddMemberIds(List.of(keeper));
        assertEquals("exceeds-own-access", assertThrows(ProblemException.class,
                () -> team.workgroups.change(keeping, team.shop, mail.id(), null, joinMail)).type());
        assertFalse(team.fixture.permissions(keeper, team.shop).contains(UsersFixture.MAILBOXES_MANAGE));

        Workgroup web = team.workgroups.create(keeping, team.shop,
                new NewWorkgroup("Web", List.of(UsersFixture.WEBSPACES), List.of(team.bea), null));
        WorkgroupChange rename = new WorkgroupChange();
        rename.setName("Renamed");
        assertEquals("Renamed", team.workgroups.change(keeping, team.shop, mail.id(), null, rename).orElseThrow().name(),
                "changing what one does not hand out needs nothing more");
        assertTrue(team.fixture.permissions(team.bea, team.shop).contains(UsersFixture.WEBSPACES_MANAGE), web.name());
    }

    /** An organization with an owner and three basic members. */
    private static final class Team {

        final UsersFixture fixture;
        final Workgroups workgroups;
        final String shop;
        final String ownerId;
        final String bea;
        final String cid;
        final String dan;

        Team(DatabaseKind kind) {
            InvitationFixture links = new InvitationFixture(kind);
            fixture = links.users;
            workgroups = links.workgroups;
            shop = fixture.organization("Shop");
            ownerId = fixture.member(shop, "owner", "owner");
            bea = fixture.member(shop, "bea", "basic");
            cid = fixture.member(shop, "cid", "basic");
            dan = fixture.member(shop, "dan", "basic");
        }

        Caller owner() {
            return fixture.caller(ownerId, shop);
        }
    }
}
