package dev.kontor.clients.internal.reseller;

import static dev.kontor.clients.internal.reseller.ResellerApplicationTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.BulkRequest;
import dev.kontor.clients.internal.client.BulkResult;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientsFixture;
import dev.kontor.clients.internal.client.FailingListener;
import dev.kontor.clients.internal.client.RecordingListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator suspends and activates resellers, and ends a reseller status (C9). */
class ResellerSuspensionTest {

    @AutoClose
    private ResellersFixture fixture;
    private RecordingListener subscriptions;
    private ClientDetails agency;
    private ClientDetails shop;

    private void resellerWithClient(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        subscriptions = new RecordingListener(fixture.base.database, Map.of());
        fixture.register(subscriptions, 10);
        agency = fixture.reseller("Agency", "agency");
        shop = fixture.clientOf(agency, "Shop", "shop");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void suspendingAResellerStopsItsStaffAndTellsListenersButLeavesItsClients_C9(DatabaseKind kind) {
        resellerWithClient(kind);
        String staffId = fixture.owner(agency).userId();

        Reseller suspended = fixture.resellersResource.suspend(agency.organizationId(), new Reason("unpaid invoices"),
                ClientsFixture.security(fixture.operator()));

        assertEquals(Reseller.SUSPENDED, suspended.state());
        assertEquals("unpaid invoices", suspended.suspensionReason());
        assertEquals(List.of("reseller-suspended:" + agency.organizationId()), subscriptions.events());
        assertEquals(List.of("unpaid invoices"), subscriptions.reasons());
        assertTrue(fixture.base.access.of(staffId, agency.organizationId()).isEmpty(), "its staff stop at once");
        assertFalse(fixture.base.canLogIn("agency", ClientsFixture.PASSWORD));
        assertTrue(fixture.base.canLogIn("shop", ClientsFixture.PASSWORD), "its clients stay as they are");
        assertEquals(ClientDetails.ACTIVE, fixture.base.clients.read(fixture.operator(), shop.id()).orElseThrow().state());
        assertEquals(List.of(agency.organizationId()), fixture.base.directory.suspendedResellers());
        assertEquals(List.of(agency.organizationId()), fixture.resellers.list(fixture.operator(), "suspended",
                PageRequest.of(null, null)).items().stream().map(Reseller::id).toList());

        fixture.resellers.suspend(fixture.operator(), agency.organizationId(), null);
        assertEquals(1, subscriptions.events().size(), "suspending twice tells no one twice");

        Reseller active = fixture.resellersResource.activate(agency.organizationId(), ClientsFixture.security(fixture.operator()));

        assertEquals(Reseller.ACTIVE, active.state());
        assertEquals(List.of("reseller-suspended:" + agency.organizationId(), "reseller-activated:" + agency.organizationId()),
                subscriptions.events());
        assertTrue(fixture.base.canLogIn("agency", ClientsFixture.PASSWORD));
        assertTrue(fixture.owner(agency).has(ClientsPermissions.MANAGE));
        assertTrue(fixture.base.directory.suspendedResellers().isEmpty());
        assertTrue(fixture.base.auditActions().containsAll(List.of("clients.reseller.suspended", "clients.reseller.activated")));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aListenerThatThrowsUndoesTheWholeSuspension_C9(DatabaseKind kind) {
        resellerWithClient(kind);
        fixture.register(new FailingListener(agency.organizationId()), 0); // told after the recording one

        assertThrows(IllegalStateException.class, () -> fixture.resellers.suspend(fixture.operator(), agency.organizationId(),
                new Reason("abuse")));

        assertEquals(Reseller.ACTIVE, fixture.resellers.read(fixture.operator(), agency.organizationId()).state());
        assertEquals(List.of(), subscriptions.events());
        assertTrue(fixture.base.canLogIn("agency", ClientsFixture.PASSWORD));
        assertTrue(fixture.base.directory.suspendedResellers().isEmpty());
        assertFalse(fixture.base.auditActions().contains("clients.reseller.suspended"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theResellerAndTheClientSuspensionOfOneOrganizationEachKeepItsAccountSuspended_C4_C9(DatabaseKind kind) {
        resellerWithClient(kind);
        Runnable clientSuspended = () -> fixture.base.bulk.run(fixture.operator(), null,
                new BulkRequest("suspend", List.of(agency.id()), null));

        fixture.resellers.suspend(fixture.operator(), agency.organizationId(), null);
        clientSuspended.run();
        fixture.base.bulk.run(fixture.operator(), null, new BulkRequest("activate", List.of(agency.id()), null));
        assertFalse(fixture.base.canLogIn("agency", ClientsFixture.PASSWORD), "the reseller is still suspended");

        clientSuspended.run();
        fixture.resellers.activate(fixture.operator(), agency.organizationId());
        assertFalse(fixture.base.canLogIn("agency", ClientsFixture.PASSWORD), "the client is still suspended");
        fixture.base.bulk.run(fixture.operator(), null, new BulkRequest("activate", List.of(agency.id()), null));
        assertTrue(fixture.base.canLogIn("agency", ClientsFixture.PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellerStatusEndsOnlyWithoutClientsAndNotWhileSuspended_C9(DatabaseKind kind) {
        resellerWithClient(kind);
        AttachRequest pending = fixture.attach.request(fixture.owner(agency), fixture.base.client("Own", "own").id(),
                new NewAttachRequest("own@example.com", null));

        assertProblem(409, "reseller-has-clients", () -> fixture.resellers.end(fixture.operator(), agency.organizationId()));
        assertEquals(List.of(BulkResult.FAILED), fixture.base.bulk.run(fixture.operator(), null,
                new BulkRequest("delete", List.of(agency.id()), null)).results().stream().map(BulkResult.Item::status).toList(),
                "its organization's client cannot go while it has clients");
        fixture.base.moves.move(fixture.operator(), shop.id(), null);
        fixture.resellers.suspend(fixture.operator(), agency.organizationId(), null);
        assertProblem(409, "reseller-suspended", () -> fixture.resellers.end(fixture.operator(), agency.organizationId()));
        fixture.resellers.activate(fixture.operator(), agency.organizationId());

        assertEquals(204, fixture.resellersResource.end(agency.organizationId(), ClientsFixture.security(fixture.operator()))
                .getStatus());

        assertFalse(fixture.owner(agency).has(ClientsPermissions.VIEW));
        assertTrue(fixture.resellers.list(fixture.operator(), null, PageRequest.of(null, null)).items().isEmpty());
        assertEquals(AttachRequest.WITHDRAWN, fixture.attach.list(fixture.operator(), null, PageRequest.of(null, null)).items()
                .stream().filter(request -> request.id().equals(pending.id())).findFirst().orElseThrow().state());
        assertEquals(ResellerApplication.PENDING, fixture.applications.apply(fixture.owner(agency),
                ResellersFixture.application("Agency", "agency@example.com")).state(), "it may apply again");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removingAResellersOwnClientWithoutClientsTakesItsResellerStatusWithIt_C6_C9(DatabaseKind kind) {
        resellerWithClient(kind);
        fixture.base.moves.move(fixture.operator(), shop.id(), null);

        fixture.base.clients.remove(fixture.operator(), agency.id(), null);

        assertTrue(fixture.resellers.list(fixture.operator(), null, PageRequest.of(null, null)).items().isEmpty());
        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM clients_reseller_application"));
    }
}
