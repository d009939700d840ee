package dev.kontor.users.internal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.invitation.InvitationFixture;
import dev.kontor.users.internal.invitation.InvitationRequest;
import dev.kontor.users.internal.organization.MemberRequests;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for e-mail addresses: what it lets through is safe to store in either database and to mail to. */
class LoginsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b@example.org", "ada@exam\u0000ple.org", "ada@example.org\u0000", "a\u0007b@example.org",
            "a\u007fb@example.org", "a\u0085b@example.org", "ada@example.org\nBcc: eve@example.org", "a\tb@example.org",
            "a b@example.org", "a\u00a0b@example.org", "a\u2028b@example.org", "a\u200bb@example.org",
            "ada@example.org\u202e", "a\ud800b@example.org", "ada@example\udc00.org", "ada@example", "ada@.example.org",
            "ada@example..org", "ada@example.org.", "@example.org", "ada@", "ada", "a@b@example.org"})
    @NullAndEmptySource
    void addressWithControlSpaceOrInvisibleCharacterOrNoDomainIsRefusedAsBadInput(String address) {
        ValidationException refused = assertThrows(ValidationException.class, () -> Logins.validEmail("email", address));
        assertEquals(List.of(new ValidationException.FieldError("email", "a valid e-mail address")), refused.errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "ada.lovelace+panel@mail.example.co.uk", "jürgen@bücher.example",
            "名前@例え.テスト", "o'brien@example.org"})
    void plausibleAddressIsAccepted(String address) {
        assertEquals(address, Logins.validEmail("email", " " + address + " "));
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 255})
    void overlongAddressIsRefused(int localLength) {
        String address = "a".repeat(localLength) + "@" + "b".repeat(200) + ".org";
        assertThrows(ValidationException.class, () -> Logins.validEmail("email", address));
    }

    /** Inside the address, that is: white space around it is stripped, as from any field. */
    @Test
    void everyIsoControlCharacterIsRefused() {
        for (int control = 0; control <= 0x9f; control = control == 0x1f ? 0x7f : control + 1) {
            String c = Character.toString(control);
            for (String address : List.of("ad" + c + "a@example.org", "ada" + c + "@example.org", "ada@exa" + c + "mple.org",
                    "ada@example." + c + "org")) {
                assertThrows(ValidationException.class, () -> Logins.validEmail("email", address), "U+" + Integer.toHexString(control));
            }
        }
    }

    /** Wherever an address comes in, the same rule answers before any statement could fail on it. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyPlaceTakingAnAddressRefusesANulAsBadInput(DatabaseKind kind) {
        InvitationFixture fixture = new InvitationFixture(kind);
        UsersFixture.Shop shop = fixture.users.shop();
        String address = "a\u0000b@example.org";

        List<ValidationException> refusals = List.of(
                assertThrows(ValidationException.class, () -> fixture.invitations.invite(shop.owner(), shop.id(),
                        new InvitationRequest(address, "basic", null, null))),
                assertThrows(ValidationException.class, () -> fixture.emailChanges.request(shop.owner(), address)),
                assertThrows(ValidationException.class, () -> fixture.users.members.add(shop.owner(), shop.id(),
                        new MemberRequests.Add(null, new MemberRequests.NewLogin("newcomer", address, "New",
                                "a long enough password", "en"), "basic", null, null))));

        assertEquals(List.of(List.of(new ValidationException.FieldError("email", "a valid e-mail address")),
                List.of(new ValidationException.FieldError("email", "a valid e-mail address")),
                List.of(new ValidationException.FieldError("new_login.email", "a valid e-mail address"))),
                refusals.stream().map(ValidationException::errors).toList());
        assertEquals(List.of(), fixture.users.auditEntries(), "nothing happened");
    }
}
