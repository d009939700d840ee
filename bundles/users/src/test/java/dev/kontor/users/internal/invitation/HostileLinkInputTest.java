package dev.kontor.users.internal.invitation;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.HostileInputProperty;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.rest.EmailChangeResource;
import dev.kontor.users.internal.rest.InvitationAnswersResource;
import dev.kontor.users.internal.rest.InvitationsResource;
import dev.kontor.users.internal.rest.WorkgroupsResource;
import dev.kontor.users.internal.workgroup.NewWorkgroup;
import dev.kontor.users.internal.workgroup.WorkgroupChange;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@link HostileInputProperty} on every operation of invitations, the e-mail change and
 * workgroups (refusals: 400, 403, 404, 409, 410, 412); values may name real objects
 * ({@code $shop}, {@code $member}, {@code $group}, {@code $invitation}, {@code $token}).
 * (Named *Test so that a plain build runs it: surefire picks up nothing named *Properties.)
 */
class HostileLinkInputTest extends HostileInputProperty<HostileLinkInputTest.World> {

    HostileLinkInputTest() {
        super(18, World::new, "'; DROP TABLE users_invitation; --", "a\u0000b@example.org", "mailboxes", "inv_", "eml_",
                "new@example.org", "x@y", "long enough password", "newcomer", "$shop", "$member", "$group", "$invitation",
                "$token");
    }

    /** Every operation of the four resources, fed the two values wherever the client decides. */
    @Override
    protected void run(int operation, World world, String a, String b) {
        InvitationsResource invitations = new InvitationsResource(world.fixture.invitations);
        InvitationAnswersResource answers = new InvitationAnswersResource(world.fixture.invitations);
        EmailChangeResource email = new EmailChangeResource(world.fixture.emailChanges);
        WorkgroupsResource workgroups = new WorkgroupsResource(world.fixture.workgroups);
        SecurityContext security = world.security;
        switch (operation) {
            case 0 -> invitations.list(a, b, a, b, security);
            case 1 -> invitations.invite(world.shop, new InvitationRequest(a, b, Arrays.asList(a), Arrays.asList(b)), security);
            case 2 -> invitations.invite(world.shop, new InvitationRequest(a, "basic", null, null), security);
            case 3 -> invitations.invite(world.shop, new InvitationRequest("x" + b + "@example.org", a, null, Arrays.asList(b)),
                    security);
            case 4 -> invitations.revoke(a, b, security);
            case 5 -> invitations.resend(world.shop, a, security);
            case 6 -> answers.preview(new TokenRequest(a));
            case 7 -> answers.accept(new AcceptRequest(a, b, b, a, null), null, null, null);
            case 8 -> answers.accept(new AcceptRequest(world.token, a, b, b, a), null, null, null);
            case 9 -> answers.decline(new TokenRequest(a), null, null);
            case 10 -> email.changeEmail(new EmailChangeResource.EmailRequest(a), security);
            case 11 -> email.confirm(new TokenRequest(a), null);
            case 12 -> workgroups.list(a, b, a, b, security);
            case 13 -> workgroups.create(world.shop, new NewWorkgroup(a, Arrays.asList(b), Arrays.asList(a, b), b), security);
            case 14 -> workgroups.get(a, b, security);
            case 15 -> workgroups.change(world.shop, a, change(a, b), b, security);
            case 16 -> workgroups.change(world.shop, world.group, change(b, a), a, security);
            case 17 -> workgroups.delete(world.shop, a, b, security);
            default -> throw new IllegalArgumentException("No operation " + operation);
        }
    }

    private static WorkgroupChange change(String a, String b) {
        WorkgroupChange change = new WorkgroupChange();
        change.setName(b);
        change.setProducts(Arrays.asList(b));
        change.setAddMemberIds(Arrays.asList(a));
        change.setRemoveMemberIds(Arrays.asList(b));
        change.setLeadUserId(a);
        return change;
    }

    /** One organization with its owner, a member, a workgroup and a pending invitation, over one database. */
    static final class World implements HostileInputProperty.World {

        final InvitationFixture fixture;
        final String shop;
        final String member;
        final String group;
        final String invitation;
        final String token;
        final SecurityContext security;

        World(DatabaseKind kind) {
            fixture = new InvitationFixture(kind);
            shop = fixture.users.organization("Shop");
            String owner = fixture.users.member(shop, "owner", "owner");
            member = fixture.users.member(shop, "member", "basic");
            security = UsersFixture.security(fixture.users.caller(owner, shop));
            group = fixture.workgroups.create(fixture.users.caller(owner, shop), shop,
                    new NewWorkgroup("Group", List.of(UsersFixture.WEBSPACES), List.of(member), member)).id();
            invitation = fixture.invitations.invite(fixture.users.caller(owner, shop), shop,
                    new InvitationRequest("invitee@example.org", "basic", List.of(), List.of(group))).id();
            token = fixture.onlyMailTo("invitee@example.org").token();
        }

        @Override
        public Map<String, String> names() {
            return Map.of("$shop", shop, "$member", member, "$group", group, "$invitation", invitation, "$token", token);
        }

        /** Every row these services write, with versions. */
        @Override
        public String state() {
            return counts(fixture.users,
                    "SELECT COUNT(*) FROM users_invitation", "SELECT COALESCE(SUM(version), 0) FROM users_invitation",
                    "SELECT COUNT(*) FROM users_email_change WHERE confirmed_at IS NULL",
                    "SELECT COUNT(*) FROM users_login", "SELECT COALESCE(SUM(version), 0) FROM users_login",
                    "SELECT COUNT(*) FROM users_membership", "SELECT COUNT(*) FROM users_workgroup",
                    "SELECT COALESCE(SUM(version), 0) FROM users_workgroup", "SELECT COUNT(*) FROM users_workgroup_member",
                    "SELECT COUNT(*) FROM mail_outbox", "SELECT COUNT(*) FROM audit_entry");
        }
    }
}
