package dev.kontor.clients.internal.partner;

import static dev.kontor.clients.internal.partner.PartnerFixture.assertField;
import static dev.kontor.clients.internal.partner.PartnerFixture.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.partner.PartnerFixture.Mail;
import dev.kontor.clients.internal.partner.PartnerFixture.Partner;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A partner asks, the client accepts or declines, either side ends it (C7, C10). */
class PartnerAccessTest extends PartnerTestCase {

    private static final PageRequest FIRST = PageRequest.of(null, null);

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void acceptingFullAccessLetsThePartnerActInTheClientAsAnAdministratorButNotAsItsOwner_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        assertNull(fixture.permissionsIn(partner.owner(), client.organizationId()));

        AccessRequest request = fixture.ask(partner, client, AccessRequest.FULL);
        Mail asked = fixture.lastMailTo(client.email());
        Grant grant = fixture.requests.accept(fixture.base.owner(client), request.id(), null);

        Set<String> permissions = fixture.permissionsIn(partner.owner(), client.organizationId());
        Set<String> expected = new HashSet<>(PartnerFixture.WEBSITES);
        expected.addAll(PartnerFixture.MAILBOXES);
        assertEquals(expected, permissions);
        assertFalse(permissions.contains(ClientsPermissions.ACCESS), "only the client's owners answer and revoke");
        assertTrue(fixture.base.identities.refresh(partner.owner().userId(), client.organizationId()).isPresent());
        assertTrue(fixture.base.directory.visibleTo(fixture.base.caller(partner.owner().userId(), client.organizationId()),
                client.id()));
        assertEquals(AccessRequest.FULL, grant.scope());
        assertEquals(partner.organizationId(), grant.partnerOrganizationId());
        assertEquals("Agency", grant.partnerName());
        assertTrue(asked.body().contains("Agency") && asked.body().contains(PartnerFixture.PANEL + "/#/"
                + PartnerAccessMenuItem.ID), asked.body());
        assertTrue(asked.subject().contains("bittet um Zugriff"), "the client's language, German: " + asked.subject());
        assertTrue(fixture.lastMailTo(partner.account().email()).body().contains("Shop"));
        assertTrue(fixture.base.auditActions().containsAll(List.of("clients.access.requested", "clients.access.accepted")));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void acceptingPartialAccessGivesExactlyTheChosenProductsAndAMembersAddressIdentifiesTheClient_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        Caller member = fixture.base.member(client.organizationId(), "basic");

        AccessRequest request = fixture.requests.request(partner.owner(), client.id(),
                new NewAccessRequest("partial", member.username() + "@EXAMPLE.com", null, "We run your shop."));
        assertEquals(1, fixture.mailsTo(member.username() + "@example.com").size());
        assertField("products", () -> fixture.requests.accept(fixture.base.owner(client), request.id(), null));
        assertField("products[1]", () -> fixture.requests.accept(fixture.base.owner(client), request.id(),
                new AccessAnswer(List.of("websites", "aaa-no-such-module"))));
        Grant grant = fixture.requests.accept(fixture.base.owner(client), request.id(),
                new AccessAnswer(List.of("websites")));

        assertEquals(PartnerFixture.WEBSITES, fixture.permissionsIn(partner.owner(), client.organizationId()));
        assertEquals(List.of("websites"), grant.products());
        assertEquals(AccessRequest.PARTIAL, grant.scope());
        assertEquals(List.of("websites"), fixture.requests.ofClient(fixture.base.owner(client), client.id(), FIRST)
                .items().get(0).products());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void fullAccessTakesNoProducts_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        AccessRequest request = fixture.ask(partner, client, AccessRequest.FULL);

        assertField("products", () -> fixture.requests.accept(fixture.base.owner(client), request.id(),
                new AccessAnswer(List.of("websites"))));
        assertNull(fixture.permissionsIn(partner.owner(), client.organizationId()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void decliningGivesNoAccessTellsThePartnerAndASecondAnswerIsRefused_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        AccessRequest request = fixture.ask(partner, client, AccessRequest.FULL);

        AccessRequest declined = fixture.requests.decline(fixture.base.owner(client), request.id());

        assertEquals(AccessRequest.DECLINED, declined.state());
        assertNull(fixture.permissionsIn(partner.owner(), client.organizationId()));
        assertTrue(fixture.lastMailTo(partner.account().email()).body().contains(client.id()));
        assertRefused(409, "request-answered", () -> fixture.requests.accept(fixture.base.owner(client), request.id(), null));
        assertRefused(409, "request-answered", () -> fixture.requests.decline(fixture.base.owner(client), request.id()));
        assertNull(fixture.permissionsIn(partner.owner(), client.organizationId()));
        assertTrue(fixture.base.auditActions().contains("clients.access.declined"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void acceptingTwiceIsRefusedAndGivesOneGrant_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        AccessRequest request = fixture.ask(partner, client, AccessRequest.FULL);
        fixture.requests.accept(fixture.base.owner(client), request.id(), null);

        assertRefused(409, "request-answered", () -> fixture.requests.accept(fixture.base.owner(client), request.id(), null));
        assertEquals(1, fixture.base.accounts.grantsOf(client.organizationId()).size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientRevokesAndAccessEndsAtOnce_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        Grant grant = fixture.granted(partner, client);

        fixture.grants.end(fixture.base.owner(client), client.id(), grant.id());

        assertNull(fixture.permissionsIn(partner.owner(), client.organizationId()));
        assertTrue(fixture.base.identities.refresh(partner.owner().userId(), client.organizationId()).isEmpty());
        assertTrue(fixture.grants.ofClient(fixture.base.owner(client), client.id()).items().isEmpty());
        assertTrue(fixture.grants.ofPartner(partner.owner(), FIRST).items().isEmpty());
        assertTrue(fixture.lastMailTo(partner.account().email()).subject().contains("widerrufen"));
        assertTrue(fixture.base.auditActions().contains("clients.access.revoked"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void thePartnerDisconnectsAndAccessEndsAtOnce_C10(DatabaseKind kind) {
        shopAndAgency(kind);
        Grant grant = fixture.granted(partner, client);
        assertTrue(fixture.base.directory.visibleTo(partner.owner(), client.id()));

        fixture.grants.end(partner.owner(), client.id(), grant.id());

        assertNull(fixture.permissionsIn(partner.owner(), client.organizationId()));
        assertTrue(fixture.base.identities.refresh(partner.owner().userId(), client.organizationId()).isEmpty());
        assertFalse(fixture.base.directory.visibleTo(partner.owner(), client.id()));
        assertTrue(fixture.lastMailTo(client.email()).body().contains("Agency"));
        assertTrue(fixture.base.auditActions().contains("clients.access.disconnected"));
        assertThrows(NotFoundException.class, () -> fixture.grants.end(partner.owner(), client.id(), grant.id()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWrongAddressOrClientIsAnsweredLikeAMissingClient_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        ClientDetails other = fixture.base.client("Other", "otherowner");

        for (String[] pair : new String[][] {{client.id(), "someone@example.com"}, {client.id(), other.email()},
            {"cl_missing", client.email()}, {other.id(), client.email()}}) {
            assertThrows(NotFoundException.class, () -> fixture.requests.request(partner.owner(), pair[0],
                    new NewAccessRequest("full", pair[1], null, null)), pair[0] + " " + pair[1]);
        }
        assertEquals(List.of(), fixture.mailsTo(client.email()));
        assertEquals(List.of(), fixture.mailsTo("someone@example.com"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOperatorsOrganizationCannotBeAPartner_C7(DatabaseKind kind) {
        shop(kind);

        assertRefused(409, "operator-not-partner", () -> fixture.requests.request(fixture.base.operator(), client.id(),
                new NewAccessRequest("full", client.email(), "admin@example.com", null)));
        assertRefused(403, "forbidden", () -> fixture.requests.request(fixture.base.owner(client), client.id(),
                new NewAccessRequest("full", client.email(), null, null)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onePartnerHasOneOpenRequestPerClientUntilItExpires_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        Partner another = fixture.partner("Studio", "studio");
        AccessRequest first = fixture.ask(partner, client, AccessRequest.FULL);

        assertRefused(409, "request-open", () -> fixture.ask(partner, client, AccessRequest.PARTIAL));
        fixture.ask(another, client, AccessRequest.FULL);
        fixture.clock.advance(Duration.ofDays(14));
        assertRefused(409, "request-expired", () -> fixture.requests.accept(fixture.base.owner(client), first.id(), null));
        AccessRequest second = fixture.ask(partner, client, AccessRequest.PARTIAL);

        Map<String, String> own = fixture.requests.ofClient(partner.owner(), client.id(), FIRST).items().stream()
                .collect(Collectors.toMap(AccessRequest::id, AccessRequest::state));
        assertEquals(Map.of(first.id(), AccessRequest.EXPIRED, second.id(), AccessRequest.OPEN), own);
        assertEquals(3, fixture.requests.ofClient(fixture.base.owner(client), client.id(), FIRST).items().size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aPartnerWithAccessCannotAskAgainNorAskItsOwnAccount_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        fixture.granted(partner, client);

        assertRefused(409, "access-exists", () -> fixture.ask(partner, client, AccessRequest.PARTIAL));
        assertRefused(409, "own-organization", () -> fixture.requests.request(partner.owner(), partner.account().id(),
                new NewAccessRequest("full", partner.account().email(), null, null)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSenderIsThePartnersProfileAddressOrAnAddressOfItsMembers_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        Caller colleague = fixture.base.member(partner.organizationId(), "basic");
        String colleagueAddress = colleague.username() + "@example.com";

        assertField("sender_email", () -> fixture.requests.request(partner.owner(), client.id(),
                new NewAccessRequest("full", client.email(), "ceo@bigbank.example", null)));
        AccessRequest request = fixture.requests.request(partner.owner(), client.id(),
                new NewAccessRequest("full", client.email(), colleagueAddress, null));
        assertEquals(colleagueAddress, request.senderEmail());
        assertTrue(fixture.lastMailTo(client.email()).body().contains(colleagueAddress));
        fixture.requests.decline(fixture.base.owner(client), request.id());
        assertEquals(1, fixture.mailsTo(colleagueAddress).size(), "the answer goes to the sender");
        assertEquals(partner.account().email(), fixture.ask(partner, client, AccessRequest.FULL).senderEmail());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void requestsShowToTheClientsOwnersAndToThePartnerThatAskedOnly_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        ClientDetails stranger = fixture.base.client("Stranger", "stranger");
        Partner another = fixture.partner("Studio", "studio");
        AccessRequest request = fixture.ask(partner, client, AccessRequest.FULL);
        fixture.ask(another, client, AccessRequest.PARTIAL);

        assertEquals(2, fixture.requests.ofClient(fixture.base.owner(client), client.id(), FIRST).items().size());
        assertEquals(List.of(request.id()), fixture.requests.ofClient(partner.owner(), client.id(), FIRST).items().stream()
                .map(AccessRequest::id).toList());
        assertEquals(List.of(request.id()), fixture.requests.ofPartner(partner.owner(), FIRST).items().stream()
                .map(AccessRequest::id).toList());
        for (Caller outsider : List.of(fixture.base.member(client.organizationId(), "basic"), fixture.base.owner(stranger),
                fixture.base.operator(), fixture.partner("Third", "third").owner())) {
            assertThrows(NotFoundException.class, () -> fixture.requests.ofClient(outsider, client.id(), FIRST),
                    outsider.username());
            assertThrows(NotFoundException.class, () -> fixture.requests.accept(outsider, request.id(), null));
            assertThrows(NotFoundException.class, () -> fixture.requests.decline(outsider, request.id()));
        }
        assertThrows(NotFoundException.class, () -> fixture.requests.accept(partner.owner(), request.id(), null));
        assertEquals(client.id(), fixture.requests.ownClient(fixture.base.owner(client)).id());
        assertThrows(NotFoundException.class, () -> fixture.requests.ownClient(fixture.base.operator()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void grantsShowToTheClientsOwnersAndToThePartnerOfEach_C7(DatabaseKind kind) {
        shopAndAgency(kind);
        Partner another = fixture.partner("Studio", "studio");
        Grant full = fixture.granted(partner, client);
        Grant partial = fixture.granted(another, client, "mailboxes");

        assertEquals(List.of(full.id(), partial.id()), fixture.grants.ofClient(fixture.base.owner(client), client.id())
                .items().stream().map(Grant::id).toList());
        assertEquals(List.of(full.id()), fixture.grants.ofClient(partner.owner(), client.id()).items().stream()
                .map(Grant::id).toList());
        assertThrows(NotFoundException.class, () -> fixture.grants.ofClient(fixture.partner("Third", "third").owner(),
                client.id()));
        assertThrows(NotFoundException.class, () -> fixture.grants.ofClient(fixture.base.member(client.organizationId(),
                "basic"), client.id()));
        assertThrows(NotFoundException.class, () -> fixture.grants.end(another.owner(), client.id(), full.id()));
        assertThrows(NotFoundException.class, () -> fixture.grants.end(fixture.base.member(client.organizationId(),
                "basic"), client.id(), full.id()));
        assertEquals(2, fixture.base.accounts.grantsOf(client.organizationId()).size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removingTheClientTakesItsRequestsGrantsAndCopiesWithIt_C6(DatabaseKind kind) {
        shopAndAgency(kind);
        Partner another = fixture.partner("Studio", "studio");
        Grant grant = fixture.granted(partner, client);
        fixture.grants.emailCopy(partner.owner(), client.id(), grant.id(), new EmailCopyChange(true));
        fixture.ask(another, client, AccessRequest.FULL);

        fixture.base.clients.remove(fixture.base.operator(), client.id(), null);

        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM clients_access_request"));
        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM clients_partner_grant"));
        assertTrue(fixture.grants.ofPartner(partner.owner(), FIRST).items().isEmpty());
        assertTrue(fixture.requests.ofPartner(another.owner(), FIRST).items().isEmpty());
        assertEquals(Set.of(), fixture.copies.copiesFor(client.email()));
    }
}
