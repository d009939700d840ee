package dev.kontor.clients.internal.reseller;

import static dev.kontor.clients.internal.reseller.ResellerApplicationTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientsFixture;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A reseller asks one of the operator's clients to join it; the client's owner answers (C9). */
class AttachRequestTest {

    @AutoClose
    private ResellersFixture fixture;
    private ClientDetails agency;
    private ClientDetails shop;
    private Caller staff;

    private void agencyAndShop(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        agency = fixture.reseller("Agency", "agency");
        shop = fixture.base.client("Shop", "shop");
        staff = fixture.owner(agency);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientsOwnerAcceptsAndTheClientMovesToTheReseller_C9(DatabaseKind kind) {
        agencyAndShop(kind);

        Response created = fixture.clientAttachResource.request(shop.id(), new NewAttachRequest("SHOP@example.com",
                "We look after your shop"), ClientsFixture.security(staff));

        AttachRequest request = (AttachRequest) created.getEntity();
        assertEquals(201, created.getStatus());
        assertEquals(AttachRequest.PENDING, request.state());
        assertNull(request.clientName(), "the reseller is told no more than it gave");
        assertTrue(fixture.mailsTo("SHOP@example.com").get(0).contains("Agency"));
        Caller owner = fixture.owner(shop);
        AttachRequest received = fixture.attachResource.list(null, null, null, ClientsFixture.security(owner)).items().get(0);
        assertEquals("Shop", received.clientName());
        assertEquals("Agency", received.resellerName());
        assertEquals(List.of(request.id()), ids(fixture.attach.list(fixture.operator(), "pending", PageRequest.of(null, null))));
        assertEquals(List.of(request.id()), ids(fixture.attach.list(staff, null, PageRequest.of(null, null))));

        AttachRequest accepted = fixture.attachResource.accept(request.id(), ClientsFixture.security(owner));

        assertEquals(AttachRequest.ACCEPTED, accepted.state());
        assertNotNull(accepted.answeredAt());
        assertEquals(agency.organizationId(), fixture.base.clients.read(staff, shop.id()).orElseThrow().resellerId());
        assertEquals("Shop", fixture.attach.list(staff, null, PageRequest.of(null, null)).items().get(0).clientName());
        assertTrue(fixture.base.auditActions().containsAll(List.of("clients.attach.requested", "clients.attach.accepted",
                "clients.client.moved")));
        assertProblem(409, "request-answered", () -> fixture.attach.decline(owner, request.id()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void decliningLeavesTheClientTheOperatorsOwn_C9(DatabaseKind kind) {
        agencyAndShop(kind);
        AttachRequest request = fixture.attach.request(staff, shop.id(), new NewAttachRequest("shop@example.com", null));

        AttachRequest declined = fixture.attachResource.decline(request.id(), ClientsFixture.security(fixture.owner(shop)));

        assertEquals(AttachRequest.DECLINED, declined.state());
        assertNull(fixture.base.clients.read(fixture.operator(), shop.id()).orElseThrow().resellerId());
        assertTrue(fixture.base.clients.read(staff, shop.id()).isEmpty());
        assertProblem(409, "request-answered", () -> fixture.attach.accept(fixture.owner(shop), request.id()));
        assertEquals(AttachRequest.PENDING, fixture.attach.request(staff, shop.id(),
                new NewAttachRequest("shop@example.com", null)).state(), "asking again after a decline");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientIsFoundOnlyByItsIdWithOneOfItsAddresses_C9(DatabaseKind kind) {
        agencyAndShop(kind);
        ClientDetails other = fixture.reseller("Other", "other");
        ClientDetails othersClient = fixture.clientOf(other, "Others shop", "othersshop");

        assertThrows(NotFoundException.class, () -> fixture.attach.request(staff, shop.id(),
                new NewAttachRequest("someone@example.com", null)));
        assertThrows(NotFoundException.class, () -> fixture.attach.request(staff, "cl_unknown",
                new NewAttachRequest("shop@example.com", null)));
        assertThrows(NotFoundException.class, () -> fixture.attach.request(staff, othersClient.id(),
                new NewAttachRequest("othersshop@example.com", null)));
        assertProblem(409, "operator-reaches-all", () -> fixture.attach.request(fixture.operator(), shop.id(),
                new NewAttachRequest("shop@example.com", null)));
        assertProblem(403, "forbidden", () -> fixture.attach.request(fixture.owner(shop), othersClient.id(),
                new NewAttachRequest("othersshop@example.com", null)));
        ClientDetails theirs = fixture.clientOf(agency, "Theirs", "theirs");
        assertProblem(409, "already-in-portfolio", () -> fixture.attach.request(staff, theirs.id(),
                new NewAttachRequest("theirs@example.com", null)));
        fixture.attach.request(staff, shop.id(), new NewAttachRequest("shop@example.com", null));
        assertProblem(409, "attach-request-pending", () -> fixture.attach.request(staff, shop.id(),
                new NewAttachRequest("shop@example.com", null)));
        assertTrue(fixture.mailsTo("someone@example.com").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyTheClientsOwnerAnswersAndOnlyWhileTheResellerIsActive_C9(DatabaseKind kind) {
        agencyAndShop(kind);
        ClientDetails stranger = fixture.base.client("Stranger", "stranger");
        AttachRequest request = fixture.attach.request(staff, shop.id(), new NewAttachRequest("shop@example.com", null));

        assertThrows(NotFoundException.class, () -> fixture.attach.accept(fixture.owner(stranger), request.id()));
        assertTrue(fixture.attach.list(fixture.owner(stranger), null, PageRequest.of(null, null)).items().isEmpty());
        fixture.resellers.suspend(fixture.operator(), agency.organizationId(), null);
        assertProblem(409, "reseller-not-active", () -> fixture.attach.accept(fixture.owner(shop), request.id()));
        assertEquals(AttachRequest.PENDING, fixture.attach.list(fixture.operator(), null, PageRequest.of(null, null)).items()
                .get(0).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aClientMovedElsewhereWithdrawsThePendingRequests_C9(DatabaseKind kind) {
        agencyAndShop(kind);
        ClientDetails other = fixture.reseller("Other", "other");
        AttachRequest request = fixture.attach.request(staff, shop.id(), new NewAttachRequest("shop@example.com", null));

        fixture.base.moves.move(fixture.operator(), shop.id(), other.organizationId());

        assertEquals(AttachRequest.WITHDRAWN, fixture.attach.list(fixture.operator(), null, PageRequest.of(null, null)).items()
                .get(0).state());
        assertProblem(409, "request-answered", () -> fixture.attach.accept(fixture.owner(shop), request.id()));
    }

    private static List<String> ids(dev.kontor.api.rest.Page<AttachRequest> page) {
        return page.items().stream().map(AttachRequest::id).toList();
    }
}
