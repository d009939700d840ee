package dev.kontor.users.internal.invitation;

import static dev.kontor.users.internal.invitation.InvitationFixture.assertField;
import static dev.kontor.users.internal.invitation.InvitationFixture.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.login.Secrets;
import dev.kontor.users.internal.rest.EmailChangeResource;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailChangesTest {

    private static final String OLD = "owner@example.com";
    private static final String NEW = "owner@new.example.org";

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void addressChangesOnlyThroughTheLinkMailedToTheNewAddress_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        Caller owner = owner(fixture);
        EmailChangeResource resource = new EmailChangeResource(fixture.emailChanges);

        Response requested = resource.changeEmail(new EmailChangeResource.EmailRequest(NEW), UsersFixture.security(owner));

        assertEquals(202, requested.getStatus());
        EmailChanges.Me pending = (EmailChanges.Me) requested.getEntity();
        assertEquals(List.of(OLD, NEW), List.of(pending.email(), pending.pendingEmail()));
        assertEquals(List.of(), fixture.mailsTo(OLD), "nothing goes to the old address before the change is confirmed");
        InvitationFixture.QueuedMail confirmation = fixture.onlyMailTo(NEW);
        assertEquals(InvitationFixture.PANEL_URL + "/modules/users/confirm-email.html", confirmation.linkPage());
        assertEquals("Confirm your new e-mail address", confirmation.subject());
        assertEquals(OLD, resource.me(UsersFixture.security(owner)).email());

        EmailChanges.Confirmed confirmed = resource.confirm(new TokenRequest(confirmation.token()), null);

        assertEquals(NEW, confirmed.email());
        EmailChanges.Me me = resource.me(UsersFixture.security(owner));
        assertEquals(NEW, me.email());
        assertNull(me.pendingEmail());
        InvitationFixture.QueuedMail notice = fixture.onlyMailTo(OLD);
        assertEquals("Your e-mail address was changed", notice.subject());
        assertTrue(notice.body().contains(NEW), notice.body());
        assertRefused(410, "email-change-used", () -> fixture.emailChanges.confirm(confirmation.token(), null));
        assertEquals(List.of("users.email.change-requested", "users.email.changed"), fixture.users.auditEntries().stream()
                .map(UsersFixture.AuditRow::action).filter(action -> action.startsWith("users.email.")).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anExpiredOrSupersededLinkChangesNothing_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        Caller owner = owner(fixture);
        fixture.emailChanges.request(owner, "first@example.org");
        String first = fixture.onlyMailTo("first@example.org").token();
        fixture.emailChanges.request(owner, NEW);
        String second = fixture.onlyMailTo(NEW).token();

        assertRefused(404, "email-change-not-found", () -> fixture.emailChanges.confirm(first, null));
        fixture.clock.advance(InvitationFixture.VALIDITY);
        assertRefused(410, "email-change-expired", () -> fixture.emailChanges.confirm(second, null));

        EmailChanges.Me me = fixture.emailChanges.me(owner);
        assertEquals(OLD, me.email());
        assertNull(me.pendingEmail());
        assertEquals(List.of(), fixture.mailsTo(OLD));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void confirmationTokenIsStoredOnlyAsItsHash_U9(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        fixture.emailChanges.request(owner(fixture), NEW);
        String token = fixture.onlyMailTo(NEW).token();

        List<String> stored = InvitationsTest.everyValueOf(fixture, "users_email_change");
        assertFalse(stored.stream().anyMatch(value -> value.contains(token)));
        assertTrue(stored.contains(Secrets.hashOf(token)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badAddressesAndTokensAreRefusedWithoutChange(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        Caller owner = owner(fixture);
        EmailChangeResource resource = new EmailChangeResource(fixture.emailChanges);

        assertField("email", () -> resource.changeEmail(null, UsersFixture.security(owner)));
        assertField("email", () -> fixture.emailChanges.request(owner, "no address"));
        assertField("email", () -> fixture.emailChanges.request(owner, " " + OLD.toUpperCase(java.util.Locale.ROOT)));
        assertField("token", () -> resource.confirm(null, null));
        assertRefused(404, "email-change-not-found", () -> fixture.emailChanges.confirm("eml_unknown", null));
        assertEquals(0, fixture.users.count("SELECT COUNT(*) FROM users_email_change"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void profileShowsTheLoginAndWhatItMayDoHere(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        String shop = fixture.users.organization("Shop");
        String basic = fixture.users.member(shop, "bea", "basic");

        EmailChanges.Me me = fixture.emailChanges.me(fixture.users.caller(basic, shop));

        assertEquals(List.of(basic, "bea", "Name of bea", "bea@example.com", "en", shop),
                List.of(me.id(), me.username(), me.displayName(), me.email(), me.language(), me.organizationId()));
        assertTrue(me.permissions().contains(UsersPermissions.MEMBERS_VIEW));
        assertFalse(me.permissions().contains(UsersPermissions.MEMBERS_MANAGE));
    }

    private static Caller owner(InvitationFixture fixture) {
        String shop = fixture.users.organization("Shop");
        return fixture.users.caller(fixture.users.member(shop, "owner", "owner"), shop);
    }
}
