package dev.kontor.users.internal.invitation;

import static dev.kontor.users.internal.invitation.InvitationFixture.assertField;
import static dev.kontor.users.internal.invitation.InvitationFixture.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.login.Secrets;
import dev.kontor.users.internal.organization.RoleRequest;
import dev.kontor.users.internal.rest.InvitationAnswersResource;
import dev.kontor.users.internal.rest.InvitationsResource;
import dev.kontor.users.internal.workgroup.NewWorkgroup;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InvitationsTest {

    private static final String INVITEE = "carol@example.org";
    private static final String PASSWORD = "correct horse battery";

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invitationMailsALinkWhoseTokenAcceptsOnce_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        InvitationsResource resource = new InvitationsResource(fixture.invitations);

        Response created = resource.invite(shop.id(), new InvitationRequest(INVITEE, "basic", List.of(UsersFixture.WEBSPACES),
                null), UsersFixture.security(shop.owner()));

        assertEquals(201, created.getStatus());
        Invitation.View view = (Invitation.View) created.getEntity();
        assertEquals(List.of(INVITEE, "basic", List.of(UsersFixture.WEBSPACES), "pending", shop.ownerId(),
                fixture.clock.instant().plus(InvitationFixture.VALIDITY)),
                List.of(view.email(), view.role(), view.products(), view.state(), view.invitedBy(), view.expiresAt()));
        InvitationFixture.QueuedMail mail = fixture.onlyMailTo(INVITEE);
        assertEquals(InvitationFixture.PANEL_URL + "/modules/users/accept.html", mail.linkPage());
        assertEquals("owner invites you to Shop", mail.subject());
        assertEquals("users", mail.module());
        assertTrue(mail.body().contains("48 hours"), mail.body());

        Invitations.Joined joined = accept(fixture, mail.token(), "carol");

        assertEquals(List.of(shop.id(), "Shop", "carol"), List.of(joined.organizationId(), joined.organizationName(),
                joined.username()));
        assertTrue(fixture.users.permissions(joined.userId(), shop.id()).contains(UsersFixture.WEBSPACES_MANAGE),
                "the invitation's product access comes with the membership");
        assertEquals(Optional.of(INVITEE), fixture.users.database.inTransaction(connection -> Logins.byId(connection,
                joined.userId())).map(Logins.Login::email));
        assertRefused(410, "invitation-accepted", () -> accept(fixture, mail.token(), "carol2"));
        assertEquals("accepted", onlyInvitation(fixture, shop.id()).state());
        assertEquals(List.of("users.invitation.created", "users.invitation.accepted"), invitationActions(fixture));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrentAcceptancesOfOneLinkLetExactlyOneJoin_U9(DatabaseKind kind) throws Exception {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "basic", null, null));
        String token = fixture.onlyMailTo(INVITEE).token();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String username : List.of("first", "second")) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        return accept(fixture, token, username).username();
                    } catch (ProblemException refused) {
                        return refused.type();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, results.stream().filter(result -> result.equals("invitation-accepted")).count(), results.toString());
            assertEquals(2, fixture.users.count("SELECT COUNT(*) FROM users_membership WHERE organization_id = ?", shop.id()),
                    "the owner and one newcomer");
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void tokenIsStoredOnlyAsItsHashAndNeverAnswered_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();

        Invitation.View view = fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "basic", null, null));
        String token = fixture.onlyMailTo(INVITEE).token();

        assertTrue(token.startsWith("inv_"));
        List<String> stored = everyValueOf(fixture, "users_invitation");
        assertFalse(stored.stream().anyMatch(value -> value.contains(token)), "the token itself is nowhere in the table");
        assertTrue(stored.contains(Secrets.hashOf(token)));
        assertFalse(view.toString().contains(token));
        assertFalse(fixture.invitations.list(shop.id(), null, PageRequest.of(null, null)).toString().contains(token));
        assertFalse(fixture.invitations.preview(token).toString().contains(token));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invitationExpiresAfterItsValidityAndCannotBeAcceptedThen_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "basic", null, null));
        fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest("dave@example.org", "basic", null, null));
        String carols = fixture.onlyMailTo(INVITEE).token();
        String daves = fixture.onlyMailTo("dave@example.org").token();

        fixture.clock.advance(InvitationFixture.VALIDITY.minusMinutes(1));
        accept(fixture, daves, "dave");
        fixture.clock.advance(Duration.ofMinutes(1));

        assertEquals("expired", fixture.invitations.preview(carols).state());
        assertRefused(410, "invitation-expired", () -> accept(fixture, carols, "carol"));
        assertRefused(410, "invitation-expired", () -> fixture.invitations.decline(carols, Optional.empty(), null));
        assertEquals(List.of("accepted", "expired"), fixture.invitations.list(shop.id(), null, PageRequest.of(null, null)).items()
                .stream().map(Invitation.View::state).toList());
        assertEquals(0, fixture.users.count("SELECT COUNT(*) FROM users_login WHERE username_key = 'carol'"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void resendMailsANewLinkAndTheOldOneStopsWorking_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        Invitation.View first = fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "basic", null, null));
        String old = fixture.onlyMailTo(INVITEE).token();
        fixture.clock.advance(InvitationFixture.VALIDITY.plusHours(1));
        assertEquals("expired", fixture.invitations.preview(old).state());

        Invitation.View resent = new InvitationsResource(fixture.invitations).resend(shop.id(), first.id(),
                UsersFixture.security(shop.owner()));

        assertEquals("pending", resent.state());
        assertEquals(fixture.clock.instant().plus(InvitationFixture.VALIDITY), resent.expiresAt());
        List<InvitationFixture.QueuedMail> mails = fixture.mailsTo(INVITEE);
        assertEquals(2, mails.size());
        String renewed = mails.get(1).token();
        assertNotEquals(old, renewed);
        assertRefused(404, "invitation-not-found", () -> fixture.invitations.preview(old));
        assertRefused(404, "invitation-not-found", () -> accept(fixture, old, "carol"));
        accept(fixture, renewed, "carol");
        assertRefused(409, "invitation-not-pending", () -> fixture.invitations.resend(shop.owner(), shop.id(), first.id()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void revokedOrDeclinedInvitationCannotBeAccepted_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        Invitation.View revoked = fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "basic", null, null));
        fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest("dave@example.org", "basic", null, null));
        String revokedToken = fixture.onlyMailTo(INVITEE).token();
        String declinedToken = fixture.onlyMailTo("dave@example.org").token();

        Response answer = new InvitationsResource(fixture.invitations).revoke(shop.id(), revoked.id(),
                UsersFixture.security(shop.owner()));
        new InvitationAnswersResource(fixture.invitations).decline(new TokenRequest(declinedToken), null, null);

        assertEquals(204, answer.getStatus());
        assertRefused(410, "invitation-revoked", () -> accept(fixture, revokedToken, "carol"));
        assertRefused(410, "invitation-declined", () -> accept(fixture, declinedToken, "dave"));
        assertEquals("declined", fixture.invitations.preview(declinedToken).state());
        assertRefused(409, "invitation-not-pending", () -> fixture.invitations.revoke(shop.owner(), shop.id(), revoked.id()));
        assertEquals(List.of("users.invitation.created", "users.invitation.created", "users.invitation.revoked",
                "users.invitation.declined"), invitationActions(fixture));
        UsersFixture.AuditRow declined = fixture.users.auditEntries().get(fixture.users.auditEntries().size() - 1);
        assertEquals(shop.id(), declined.organizationId(), "the organization sees who declined in its trail");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void loggedInLoginAcceptsWithoutANewLoginAndCanSwitchToTheOrganization_U3_U12(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        String elsewhere = fixture.users.organization("Elsewhere");
        String erin = fixture.users.member(elsewhere, "erin", "owner");
        fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "billing", null, null));
        String token = fixture.onlyMailTo(INVITEE).token();
        int logins = fixture.users.count("SELECT COUNT(*) FROM users_login");

        Invitations.Joined joined = new InvitationAnswersResource(fixture.invitations).accept(
                new AcceptRequest(token, null, null, null, null),
                UsersFixture.security(fixture.users.caller(erin, elsewhere)), null, null);

        assertEquals(erin, joined.userId());
        assertTrue(fixture.users.permissions(erin, shop.id()).contains(UsersPermissions.MEMBERS_VIEW), "billing holds members.view");
        assertFalse(fixture.users.permissions(erin, shop.id()).contains(UsersPermissions.MEMBERS_MANAGE));
        assertEquals(logins, fixture.users.count("SELECT COUNT(*) FROM users_login"), "no login was created");
        assertEquals(List.of(erin, shop.id()), List.of(lastAudit(fixture).actorId(), lastAudit(fixture).organizationId()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void memberCannotJoinAgainAndTheInvitationStaysPending_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        String frank = fixture.users.member(shop.id(), "frank", "basic");
        fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "administrator", null, null));
        String token = fixture.onlyMailTo(INVITEE).token();

        assertRefused(409, "already-member", () -> fixture.invitations.accept(new AcceptRequest(token, null, null, null, null),
                Optional.of(fixture.users.caller(frank, shop.id())), null, null));

        assertEquals("pending", fixture.invitations.preview(token).state());
        assertFalse(fixture.users.permissions(frank, shop.id()).contains(UsersPermissions.MEMBERS_MANAGE));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invitationIntoAWorkgroupGivesTheGroupsProducts_U7(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        String group = fixture.workgroups.create(shop.owner(), shop.id(), new NewWorkgroup("Mail team",
                List.of(UsersFixture.MAILBOXES), List.of(), null)).id();
        Invitation.View view = fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "basic", null,
                List.of(group)));

        Invitations.Joined joined = accept(fixture, fixture.onlyMailTo(INVITEE).token(), "carol");

        assertEquals(List.of(group), view.workgroups());
        assertTrue(fixture.users.permissions(joined.userId(), shop.id()).contains(UsersFixture.MAILBOXES_MANAGE));
        assertEquals(List.of(joined.userId()), fixture.workgroups.find(shop.id(), group).orElseThrow().memberIds());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badTermsAreFieldErrors(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        Caller owner = shop.owner();

        assertField("email", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest("not-an-address", "basic", null, null)));
        assertField("email", () -> fixture.invitations.invite(owner, shop.id(), null));
        assertField("role", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest(INVITEE, null, null, null)));
        assertField("role", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest(INVITEE, "emperor", null, null)));
        assertField("products[1]", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest(INVITEE, "basic",
                List.of(UsersFixture.WEBSPACES, "teleporter"), null)));
        List<String> badGroups = new ArrayList<>();
        badGroups.add(null);
        assertField("workgroups[0]", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest(INVITEE, "basic",
                null, badGroups)));
        String foreignGroup = foreignWorkgroup(fixture);
        assertField("workgroups[0]", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest(INVITEE, "basic",
                null, List.of(foreignGroup))));
        assertField("workgroups[0]", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest(INVITEE, "basic",
                null, List.of("wg_" + "0".repeat(500)))));
        assertField("role", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest(INVITEE, "r".repeat(500),
                null, null)));
        assertField("email", () -> fixture.invitations.invite(owner, shop.id(), new InvitationRequest("a\u0000b@example.org",
                "basic", null, null)));
        assertEquals(List.of(), fixture.invitations.list(shop.id(), "%_".repeat(50), PageRequest.of(null, null)).items());
        assertField("q", () -> fixture.invitations.list(shop.id(), "\u0000", PageRequest.of(null, null)));
        assertField("cursor", () -> fixture.invitations.list(shop.id(), null, PageRequest.of(null, PageRequest.encode("\u0000"))));
        assertField("token", () -> fixture.invitations.preview(" "));
        assertRefused(404, "invitation-not-found", () -> fixture.invitations.preview("inv_" + "x".repeat(500)));
        assertEquals(0, fixture.users.count("SELECT COUNT(*) FROM users_invitation"));
        assertEquals(List.of(), fixture.mailsTo(INVITEE));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void newLoginNeedsAFreeUsernameAndAGoodPasswordAndTheLinkSurvivesAMistake_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        fixture.users.login("taken");
        fixture.invitations.invite(shop.owner(), shop.id(), new InvitationRequest(INVITEE, "basic", null, null));
        String token = fixture.onlyMailTo(INVITEE).token();

        assertField("username", () -> accept(fixture, token, "TAKEN"));
        assertField("password", () -> fixture.invitations.accept(new AcceptRequest(token, "carol", "short", null, null),
                Optional.empty(), null, null));
        assertField("username", () -> fixture.invitations.accept(new AcceptRequest(token, null, null, null, null),
                Optional.empty(), null, null));
        assertField("language", () -> fixture.invitations.accept(new AcceptRequest(token, "carol", PASSWORD, null, "Deutsch"),
                Optional.empty(), null, null));

        Invitations.Joined joined = fixture.invitations.accept(new AcceptRequest(token, "carol", PASSWORD, "Carol C.", null),
                Optional.empty(), Locale.GERMAN, "198.51.100.9");

        Logins.Login carol = fixture.users.database.inTransaction(connection -> Logins.byId(connection, joined.userId()))
                .orElseThrow();
        assertEquals(List.of("Carol C.", "de"), List.of(carol.displayName(), carol.language()));
        assertEquals("198.51.100.9", lastAudit(fixture).sourceAddress());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nobodyInvitesWithMoreAccessThanTheyHold_U2(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        String admin = fixture.users.member(shop.id(), "admin2", "administrator");
        String roleId = fixture.users.roles.create(shop.owner(), new RoleRequest("Recruiter",
                List.of(UsersPermissions.MEMBERS_MANAGE))).id();
        String recruiter = fixture.users.member(shop.id(), "recruiter", roleId);
        Caller administrator = fixture.users.caller(admin, shop.id());
        Caller recruiting = fixture.users.caller(recruiter, shop.id());

        assertRefused(403, "owner-required", () -> fixture.invitations.invite(administrator, shop.id(),
                new InvitationRequest(INVITEE, "owner", null, null)));
        assertRefused(403, "exceeds-own-access", () -> fixture.invitations.invite(recruiting, shop.id(),
                new InvitationRequest(INVITEE, "basic", List.of(UsersFixture.MAILBOXES), null)));
        assertRefused(403, "exceeds-own-access", () -> fixture.invitations.invite(recruiting, shop.id(),
                new InvitationRequest(INVITEE, "administrator", null, null)));

        fixture.invitations.invite(recruiting, shop.id(), new InvitationRequest(INVITEE, roleId, null, null));
        fixture.invitations.invite(administrator, shop.id(), new InvitationRequest("dave@example.org", "administrator",
                List.of(UsersFixture.MAILBOXES), null));
        assertEquals(2, fixture.users.count("SELECT COUNT(*) FROM users_invitation"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aPendingInvitationIsNotSentTwiceAndMailsComeInTheInvitersLanguage_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        String greta = fixture.users.database.inTransaction(connection -> Logins.create(connection,
                new Logins.NewLogin("greta", "greta@example.org", "Greta", "de"), null).id());
        fixture.users.join(shop.id(), greta, "administrator");

        fixture.invitations.invite(fixture.users.caller(greta, shop.id()), shop.id(), new InvitationRequest(INVITEE, "basic", null, null));

        assertEquals("greta lädt Sie zu Shop ein", fixture.onlyMailTo(INVITEE).subject());
        assertRefused(409, "already-invited", () -> fixture.invitations.invite(shop.owner(), shop.id(),
                new InvitationRequest(INVITEE.toUpperCase(Locale.ROOT), "basic", null, null)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherOrganizationsInvitationsAnswerLikeMissingOnes(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        UsersFixture.Shop other = fixture.users.shop("Other", "other-owner");
        Invitation.View theirs = fixture.invitations.invite(other.owner(), other.id(), new InvitationRequest(INVITEE, "basic", null, null));
        InvitationsResource resource = new InvitationsResource(fixture.invitations);

        assertThrows(NotFoundException.class, () -> resource.list(other.id(), null, null, null, UsersFixture.security(shop.owner())));
        assertThrows(NotFoundException.class, () -> resource.revoke(shop.id(), theirs.id(), UsersFixture.security(shop.owner())));
        assertThrows(NotFoundException.class, () -> resource.resend(shop.id(), theirs.id(), UsersFixture.security(shop.owner())));
        assertEquals("pending", fixture.invitations.preview(fixture.onlyMailTo(INVITEE).token()).state());
    }

    private static Invitations.Joined accept(InvitationFixture fixture, String token, String username) {
        return fixture.invitations.accept(new AcceptRequest(token, username, PASSWORD, null, null), Optional.empty(),
                Locale.ENGLISH, null);
    }

    private static String foreignWorkgroup(InvitationFixture fixture) {
        UsersFixture.Shop other = fixture.users.shop("Other", "other-owner");
        return fixture.workgroups.create(other.owner(), other.id(), new NewWorkgroup("Theirs", List.of(), List.of(), null)).id();
    }

    private static Invitation.View onlyInvitation(InvitationFixture fixture, String organizationId) {
        List<Invitation.View> items = fixture.invitations.list(organizationId, null, PageRequest.of(null, null)).items();
        assertEquals(1, items.size());
        return items.get(0);
    }

    private static List<String> invitationActions(InvitationFixture fixture) {
        return fixture.users.auditEntries().stream().map(UsersFixture.AuditRow::action)
                .filter(action -> action.startsWith("users.invitation.")).toList();
    }

    private static UsersFixture.AuditRow lastAudit(InvitationFixture fixture) {
        List<UsersFixture.AuditRow> entries = fixture.users.auditEntries();
        return entries.get(entries.size() - 1);
    }

    /** Every value of every row of the table, as text. */
    static List<String> everyValueOf(InvitationFixture fixture, String table) {
        return fixture.users.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table)) {
                List<String> values = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                            values.add(String.valueOf(row.getObject(column)));
                        }
                    }
                }
                return values;
            }
        });
    }
}
