package dev.kontor.users.internal.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.rest.EmailChangeResource;
import dev.kontor.users.internal.rest.InvitationAnswersResource;
import dev.kontor.users.internal.rest.InvitationsResource;
import dev.kontor.users.internal.rest.WorkgroupsResource;
import dev.kontor.users.internal.workgroup.NewWorkgroup;
import dev.kontor.users.internal.workgroup.WorkgroupChange;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Malformed and hostile input on every operation of invitations, the e-mail change and
 * workgroups: the answer is a refusal the client can act on (400, 403, 404, 409, 410,
 * 412), never a server error, and a refused request changes nothing. Values may name
 * real objects ({@code $shop}, {@code $member}, {@code $group}, {@code $invitation},
 * {@code $token}), so some requests pass and the world moves on between tries. (Named *Test so
 * that a plain build runs it: surefire picks up nothing named *Properties.)
 */
class HostileLinkInputTest {

    private static final Map<DatabaseKind, World> WORLDS = new EnumMap<>(DatabaseKind.class);

    @Property(tries = 300)
    void hostileInputIsRefusedCleanlyAndChangesNothing(@ForAll DatabaseKind kind,
            @ForAll @IntRange(min = 0, max = Operation.COUNT - 1) int operation, @ForAll("hostile") String first,
            @ForAll("hostile") String second) {
        World world = world(kind);
        String a = world.resolve(first);
        String b = world.resolve(second);
        String before = world.state();
        try {
            Operation.run(operation, world, a, b);
        } catch (ValidationException | NotFoundException | ProblemException | StaleVersionException refused) {
            assertEquals(before, world.state(), "a refused request changes nothing: " + refused);
        } catch (RuntimeException unexpected) {
            fail("operation " + operation + " with " + Arrays.asList(a, b) + " failed as a server error", unexpected);
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(195).ofMaxLength(260),
                Arbitraries.of("", " ", "'; DROP TABLE users_invitation; --", "%", "_", "\\", "\u0000", "a\u0000b@example.org",
                        "\n", "basic", "owner", "administrator", "webspaces", "mailboxes", "panel", "\"v0\"", "\"v1\"", "*",
                        "inv_", "eml_", "new@example.org", "x@y", "Ünïcödé 名前", "\uD800", "long enough password", "newcomer",
                        "$shop", "$member", "$group", "$invitation", "$token"))
                .injectNull(0.05);
    }

    private static synchronized World world(DatabaseKind kind) {
        return WORLDS.computeIfAbsent(kind, World::new);
    }

    /** One organization with its owner, a member, a workgroup and a pending invitation, over one database. */
    private static final class World {

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

        String resolve(String value) {
            if (value == null) {
                return null;
            }
            return value.replace("$shop", shop).replace("$member", member).replace("$group", group)
                    .replace("$invitation", invitation).replace("$token", token);
        }

        /** What a refused request must leave as it was: every row these services write, with versions. */
        String state() {
            return List.of(
                    "SELECT COUNT(*) FROM users_invitation", "SELECT COALESCE(SUM(version), 0) FROM users_invitation",
                    "SELECT COUNT(*) FROM users_email_change WHERE confirmed_at IS NULL",
                    "SELECT COUNT(*) FROM users_login", "SELECT COALESCE(SUM(version), 0) FROM users_login",
                    "SELECT COUNT(*) FROM users_membership", "SELECT COUNT(*) FROM users_workgroup",
                    "SELECT COALESCE(SUM(version), 0) FROM users_workgroup", "SELECT COUNT(*) FROM users_workgroup_member",
                    "SELECT COUNT(*) FROM mail_outbox", "SELECT COUNT(*) FROM audit_entry")
                    .stream().map(sql -> String.valueOf(fixture.users.count(sql))).toList().toString();
        }
    }

    /** Every operation of the four resources, fed the two values wherever the client decides. */
    private static final class Operation {

        static final int COUNT = 18;

        static void run(int operation, World world, String a, String b) {
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
    }
}
