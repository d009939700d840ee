package dev.kontor.clients.internal.partner;

import static dev.kontor.clients.internal.partner.PartnerFixture.assertField;
import static dev.kontor.clients.internal.partner.PartnerFixture.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.partner.PartnerFixture.Mail;
import dev.kontor.clients.internal.partner.PartnerFixture.Partner;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A partner with full access gets copies of the client's system mails while it wants them (C8). */
class EmailCopyTest extends PartnerTestCase {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void mailsToTheClientAndItsMembersAreCopiedToThePartnerWhileCopiesAreOn_C8(DatabaseKind kind) {
        shopAndAgency(kind);
        Caller member = fixture.base.member(client.organizationId(), "basic");
        String memberAddress = member.username() + "@example.com";
        String partnerAddress = partner.account().email();
        Grant grant = fixture.granted(partner, client);
        int before = fixture.mailsTo(partnerAddress).size();

        Grant on = fixture.grants.emailCopy(partner.owner(), client.id(), grant.id(), new EmailCopyChange(true));
        systemMail(client.email(), "Invoice 1");
        systemMail(memberAddress.toUpperCase(Locale.ROOT), "Invoice 2");
        systemMail("someone-else@example.com", "Invoice 3");

        assertTrue(on.emailCopy());
        List<Mail> copies = fixture.mailsTo(partnerAddress).subList(before, fixture.mailsTo(partnerAddress).size());
        assertEquals(2, copies.size(), copies.toString());
        assertTrue(copies.get(0).body().contains(client.email()) && copies.get(0).body().contains("Invoice 1"));
        assertTrue(copies.get(1).body().contains("Invoice 2"));
        assertTrue(fixture.grants.ofClient(fixture.base.owner(client), client.id()).items().get(0).emailCopy(),
                "the client sees that copies are on");
        assertTrue(fixture.base.auditActions().contains("clients.access.email-copy"));

        fixture.grants.emailCopy(partner.owner(), client.id(), grant.id(), new EmailCopyChange(false));
        systemMail(client.email(), "Invoice 4");

        assertEquals(before + 2, fixture.mailsTo(partnerAddress).size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void copiesStopWithTheGrantWhoeverEndsIt_C8(DatabaseKind kind) {
        shopAndAgency(kind);
        Grant grant = copiesOn();

        // Ended in the users module, past this module: the copies stop with it all the same.
        fixture.base.accounts.revoke(fixture.base.operator(), grant.id());

        assertEquals(Set.of(), fixture.copies.copiesFor(client.email()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void copiesNeedFullAccessAndOnlyThePartnerSwitchesThem_C8(DatabaseKind kind) {
        shopAndAgency(kind);
        Partner another = fixture.partner("Studio", "studio");
        Grant partial = fixture.granted(partner, client, "websites");
        Grant full = fixture.granted(another, client);

        assertRefused(409, "full-access-required", () -> fixture.grants.emailCopy(partner.owner(), client.id(),
                partial.id(), new EmailCopyChange(true)));
        assertField("enabled", () -> fixture.grants.emailCopy(another.owner(), client.id(), full.id(),
                new EmailCopyChange(null)));
        for (Caller outsider : List.of(fixture.base.owner(client), partner.owner(), fixture.base.operator())) {
            assertThrows(NotFoundException.class, () -> fixture.grants.emailCopy(outsider, client.id(), full.id(),
                    new EmailCopyChange(true)), outsider.username());
        }
        assertEquals(Set.of(), fixture.copies.copiesFor(client.email()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMemberWhoJoinsLaterGetsCopiedOnceTheAddressesAreReadAgain_C8(DatabaseKind kind) {
        shopAndAgency(kind);
        copiesOn();
        String joined = fixture.base.member(client.organizationId(), "basic").username() + "@example.com";

        // Joining happens in the users module, which tells this one nothing: the addresses are read again in time.
        Set<String> before = fixture.copies.copiesFor(joined);
        fixture.clock.advance(PartnerMailCopies.MAX_AGE);

        assertEquals(Set.of(), before);
        assertEquals(Set.of(partner.account().email()), fixture.copies.copiesFor(joined));
    }

    /** The partner's full access to the client with copies switched on, which reach the partner from then on. */
    private Grant copiesOn() {
        Grant grant = fixture.granted(partner, client);
        fixture.grants.emailCopy(partner.owner(), client.id(), grant.id(), new EmailCopyChange(true));
        assertEquals(Set.of(partner.account().email()), fixture.copies.copiesFor(client.email()));
        return grant;
    }

    /** A system mail to the address, queued as any module queues one. */
    private void systemMail(String to, String text) {
        fixture.mailer.queueText(to, text, text + " is ready.");
    }
}
