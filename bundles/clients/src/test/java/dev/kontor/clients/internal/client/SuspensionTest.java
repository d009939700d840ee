package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.IdempotencyKeyReusedException;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.storage.internal.ChosenPermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SuspensionTest {

    @AutoClose
    private ClientsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void suspendingStopsTheClientsUsersAtOnceAndTellsListenersInTheSameTransaction_C4(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        RecordingListener listener = fixture.recording(0);
        ClientDetails client = fixture.client("Shop", "shopowner");
        Caller owner = fixture.owner(client); // its access is cached from now on

        BulkResult result = bulk("suspend", "unpaid invoices", client.id());

        assertEquals(List.of(new BulkResult.Item(client.id(), BulkResult.DONE, null)), result.results());
        ClientDetails suspended = fixture.clients.read(fixture.operator(), client.id()).orElseThrow();
        assertEquals(ClientDetails.SUSPENDED, suspended.state());
        assertEquals("unpaid invoices", suspended.suspensionReason());
        assertEquals(List.of("suspended:" + client.id()), listener.events());
        assertEquals(List.of("unpaid invoices"), listener.reasons());
        assertTrue(fixture.access.of(owner.userId(), client.organizationId()).isEmpty(), "the open session stops at once");
        assertFalse(fixture.canLogIn("shopowner", ClientsFixture.PASSWORD));
        assertTrue(fixture.accounts.find(client.organizationId()).orElseThrow().suspended());
        assertTrue(fixture.directory.find(client.id()).orElseThrow().suspended());
        assertEquals(List.of(client.id()), fixture.directory.suspended().stream().map(c -> c.id()).toList());
        assertTrue(fixture.auditActions().contains("clients.client.suspended"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aListenerThatFailsUndoesTheWholeSuspension_C4(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        RecordingListener listener = fixture.recording(10); // told first: its row is written before the failure
        fixture.register(new FailingListener(), 0);
        ClientDetails client = fixture.client("Shop", "shopowner");

        BulkResult result = bulk("suspend", null, client.id());

        assertEquals(BulkResult.FAILED, result.results().get(0).status());
        assertNotNull(result.results().get(0).error());
        assertEquals(ClientDetails.ACTIVE, fixture.clients.read(fixture.operator(), client.id()).orElseThrow().state());
        assertEquals(List.of(), listener.events());
        assertFalse(fixture.accounts.find(client.organizationId()).orElseThrow().suspended());
        assertTrue(fixture.canLogIn("shopowner", ClientsFixture.PASSWORD));
        assertFalse(fixture.auditActions().contains("clients.client.suspended"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void activatingLiftsTheSuspensionAndTellsListenersAndRepeatsChangeNothing_C4(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        RecordingListener listener = fixture.recording(0);
        ClientDetails client = fixture.client("Shop", "shopowner");

        assertEquals(BulkResult.DONE, bulk("suspend", null, client.id()).results().get(0).status());
        assertEquals(BulkResult.UNCHANGED, bulk("suspend", null, client.id()).results().get(0).status());
        assertEquals(BulkResult.DONE, bulk("activate", "paid", client.id()).results().get(0).status());
        assertEquals(BulkResult.UNCHANGED, bulk("activate", null, client.id()).results().get(0).status());

        assertEquals(List.of("suspended:" + client.id(), "activated:" + client.id()), listener.events());
        ClientDetails active = fixture.clients.read(fixture.operator(), client.id()).orElseThrow();
        assertEquals(ClientDetails.ACTIVE, active.state());
        assertEquals(null, active.suspensionReason());
        assertTrue(fixture.canLogIn("shopowner", ClientsFixture.PASSWORD));
        assertTrue(fixture.access.of(fixture.owner(client).userId(), client.organizationId()).isPresent());
        assertTrue(fixture.directory.suspended().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachClientOfABulkChangesInATransactionOfItsOwnWithAResultEach_C3_C4(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails first = fixture.client("First", "first");
        ClientDetails broken = fixture.client("Broken", "broken");
        ClientDetails last = fixture.client("Last", "last");
        fixture.register(new FailingListener(broken.id()), 0);

        BulkResult result = bulk("suspend", null, first.id(), broken.id(), "cl_unknown", first.id(), last.id());

        assertEquals(List.of(first.id(), broken.id(), "cl_unknown", last.id()),
                result.results().stream().map(BulkResult.Item::id).toList());
        assertEquals(List.of(BulkResult.DONE, BulkResult.FAILED, BulkResult.NOT_FOUND, BulkResult.DONE),
                result.results().stream().map(BulkResult.Item::status).toList());
        assertFalse(fixture.canLogIn("first", ClientsFixture.PASSWORD));
        assertTrue(fixture.canLogIn("broken", ClientsFixture.PASSWORD));
        assertFalse(fixture.canLogIn("last", ClientsFixture.PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSameIdempotencyKeyTwiceDoesTheWorkOnce_C3(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        RecordingListener listener = fixture.recording(0);
        ClientDetails client = fixture.client("Shop", "shopowner");
        Caller operator = fixture.operator();
        BulkRequest request = new BulkRequest("suspend", List.of(client.id()), "abuse");

        BulkResult first = fixture.resource.bulk(request, "key-1", ClientsFixture.security(operator));
        BulkResult repeated = fixture.resource.bulk(request, "key-1", ClientsFixture.security(operator));

        assertEquals(first, repeated);
        assertEquals(BulkResult.DONE, repeated.results().get(0).status());
        assertEquals(List.of("suspended:" + client.id()), listener.events());
        assertThrows(IdempotencyKeyReusedException.class, () -> fixture.resource.bulk(
                new BulkRequest("activate", List.of(client.id()), null), "key-1", ClientsFixture.security(operator)));
        assertEquals(ClientDetails.SUSPENDED, fixture.clients.read(operator, client.id()).orElseThrow().state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBulkNeedsTheActionsPermissionAndValidInput(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        Caller viewer = fixture.staff("basic");
        Caller suspender = new ChosenPermissions(fixture.operator(), ClientsPermissions.VIEW, ClientsPermissions.SUSPEND);

        assertEquals(403, assertThrows(ProblemException.class,
                () -> fixture.bulk.run(viewer, null, new BulkRequest("suspend", List.of(client.id()), null))).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> fixture.bulk.run(suspender, null, new BulkRequest("delete", List.of(client.id()), null))).status());
        assertField("action", () -> fixture.bulk.run(suspender, null, new BulkRequest("purge", List.of(client.id()), null)));
        assertField("action", () -> fixture.bulk.run(suspender, null, null));
        assertField("ids", () -> fixture.bulk.run(suspender, null, new BulkRequest("suspend", List.of(), null)));
        assertField("ids", () -> fixture.bulk.run(suspender, null, new BulkRequest("suspend", null, null)));
        assertField("ids", () -> fixture.bulk.run(suspender, null,
                new BulkRequest("suspend", java.util.Collections.nCopies(BulkActions.MAX_IDS + 1, client.id()), null)));
        assertField("ids[1]", () -> fixture.bulk.run(suspender, null,
                new BulkRequest("suspend", Arrays.asList(client.id(), "a\u0000b"), null)));
        assertField("reason", () -> fixture.bulk.run(suspender, null,
                new BulkRequest("suspend", List.of(client.id()), "x".repeat(501))));
        assertField("Idempotency-Key", () -> fixture.bulk.run(suspender, "bad key",
                new BulkRequest("suspend", List.of(client.id()), null)));
        assertEquals(ClientDetails.ACTIVE, fixture.clients.read(suspender, client.id()).orElseThrow().state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellersStaffFindOnlyTheirOwnClientsInABulk_C4(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails agency = fixture.client("Agency", "agency");
        ClientDetails operatorsOwn = fixture.client("Own", "own");
        Caller resellerStaff = new ChosenPermissions(fixture.owner(agency), ClientsPermissions.VIEW, ClientsPermissions.MANAGE,
                ClientsPermissions.SUSPEND);
        ClientDetails theirs = fixture.clients.create(resellerStaff, new NewClient("Theirs", "theirs@example.com", null, null,
                null, null, null, null, "theirs", ClientsFixture.PASSWORD, null));

        BulkResult result = fixture.bulk.run(resellerStaff, null,
                new BulkRequest("suspend", List.of(theirs.id(), operatorsOwn.id(), agency.id()), null));

        assertEquals(List.of(BulkResult.DONE, BulkResult.NOT_FOUND, BulkResult.NOT_FOUND),
                result.results().stream().map(BulkResult.Item::status).toList());
        assertTrue(fixture.canLogIn("own", ClientsFixture.PASSWORD));
        assertFalse(fixture.canLogIn("theirs", ClientsFixture.PASSWORD));
    }

    private BulkResult bulk(String action, String reason, String... ids) {
        return fixture.resource.bulk(new BulkRequest(action, List.of(ids), reason), null,
                ClientsFixture.security(fixture.operator()));
    }

    private static void assertField(String field, Runnable request) {
        ValidationException invalid = assertThrows(ValidationException.class, request::run);
        assertEquals(field, invalid.errors().get(0).field());
    }
}
