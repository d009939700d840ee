package dev.kontor.clients.internal.partner;

import static dev.kontor.clients.internal.partner.PartnerFixture.assertField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.partner.PartnerFixture.Partner;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A partner chooses which of its members act for a client (C10). */
class StaffAssignmentTest extends PartnerTestCase {

    private static final PageRequest FIRST = PageRequest.of(null, null);

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyTheAssignedStaffGetIntoTheClientAndNoneAssignedMeansAll_C10(DatabaseKind kind) {
        shopAndAgency(kind);
        Caller alice = fixture.base.member(partner.organizationId(), "basic");
        Caller bob = fixture.base.member(partner.organizationId(), "basic");
        Grant grant = fixture.granted(partner, client);
        assertNotNull(fixture.permissionsIn(alice, client.organizationId()));
        assertNotNull(fixture.permissionsIn(bob, client.organizationId()));

        Grant assigned = fixture.grants.staff(partner.owner(), client.id(), grant.id(), new StaffChange(List.of(alice.userId())));

        assertEquals(List.of(alice.userId()), assigned.staff());
        assertNotNull(fixture.permissionsIn(alice, client.organizationId()));
        assertNull(fixture.permissionsIn(bob, client.organizationId()));
        assertNull(fixture.permissionsIn(partner.owner(), client.organizationId()), "the owner is not listed either");
        assertEquals(List.of(client.id()), clientIdsSeenBy(alice));
        assertEquals(List.of(), clientIdsSeenBy(bob));
        assertEquals(List.of(client.id()), clientIdsSeenBy(partner.owner()), "who manages partner access sees every client");
        assertEquals(List.of(alice.userId()), fixture.grants.ofPartner(partner.owner(), FIRST).items().get(0).staff());
        assertNull(fixture.grants.ofPartner(alice, FIRST).items().get(0).staff(), "staff lists are for managers");
        assertTrue(fixture.base.auditActions().contains("clients.access.staff-changed"));

        fixture.grants.staff(partner.owner(), client.id(), grant.id(), new StaffChange(List.of()));

        assertNotNull(fixture.permissionsIn(bob, client.organizationId()));
        assertNotNull(fixture.permissionsIn(partner.owner(), client.organizationId()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyThePartnersManagersAssignAndOnlyTheirOwnMembers_C10(DatabaseKind kind) {
        shopAndAgency(kind);
        Partner another = fixture.partner("Studio", "studio");
        Caller alice = fixture.base.member(partner.organizationId(), "basic");
        Grant grant = fixture.granted(partner, client);
        StaffChange onlyAlice = new StaffChange(List.of(alice.userId()));

        String stranger = another.owner().userId();
        assertField("user_ids[1]", () -> fixture.grants.staff(partner.owner(), client.id(), grant.id(),
                new StaffChange(List.of(alice.userId(), stranger))));
        assertField("user_ids[0]", () -> fixture.grants.staff(partner.owner(), client.id(), grant.id(),
                new StaffChange(List.of(stranger, alice.userId()))));
        for (Caller outsider : List.of(fixture.base.owner(client), another.owner(), alice)) {
            assertThrows(NotFoundException.class, () -> fixture.grants.staff(outsider, client.id(), grant.id(), onlyAlice),
                    outsider.username());
        }
        assertEquals(List.of(), fixture.base.accounts.grantsOf(client.organizationId()).get(0).granteeUserIds().stream()
                .toList());
    }

    private List<String> clientIdsSeenBy(Caller caller) {
        return fixture.grants.ofPartner(caller, FIRST).items().stream().map(PartnerClient::clientId).toList();
    }
}
