package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.users.AccessGrant;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Removing clients with everything that hangs on them, after a preview of what goes (C6). */
class RemovalTest {

    @AutoClose
    private ClientsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDryRunCountsWhatWouldGoAndChangesNothing_C6(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        RecordingListener subscriptions = new RecordingListener(fixture.database, Map.of("subscriptions", 3L, "domains", 5L));
        fixture.register(subscriptions, 0);
        fixture.register(new RecordingListener(fixture.database, Map.of("domains", 2L)), 0);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails partner = fixture.client("Agency", "agency");
        fixture.accounts.grant(fixture.owner(client),
                new AccessGrant.Request(client.organizationId(), partner.organizationId(), Set.of(), Set.of()));

        Response preview = fixture.resource.remove(client.id(), "true", null, null,
                ClientsFixture.security(fixture.operator()));

        assertEquals(200, preview.getStatus());
        assertEquals(Map.of("client", 1L, "grants", 1L, "subscriptions", 3L, "domains", 7L), preview.getEntity());
        assertTrue(fixture.clients.read(fixture.operator(), client.id()).isPresent());
        assertTrue(fixture.accounts.find(client.organizationId()).isPresent());
        assertEquals(List.of(), subscriptions.events());
        assertTrue(fixture.canLogIn("shopowner", ClientsFixture.PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removingTakesTheAccountAndWhatListenersHoldInOneTransaction_C6(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        RecordingListener subscriptions = fixture.recording(0);
        ClientDetails client = fixture.client("Shop", "shopowner");

        Response removed = fixture.resource.remove(client.id(), "false", null, "\"v0\"",
                ClientsFixture.security(fixture.operator()));

        assertEquals(204, removed.getStatus());
        assertEquals(List.of("removing:" + client.id()), subscriptions.events());
        assertTrue(fixture.clients.read(fixture.operator(), client.id()).isEmpty());
        assertTrue(fixture.directory.find(client.id()).isEmpty());
        assertTrue(fixture.accounts.find(client.organizationId()).isEmpty());
        assertFalse(fixture.canLogIn("shopowner", ClientsFixture.PASSWORD));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM users_login WHERE username = ?", "shopowner"));
        assertTrue(fixture.auditActions().contains("clients.client.removed"));
        assertThrows(NotFoundException.class, () -> fixture.resource.remove(client.id(), "true", null, null,
                ClientsFixture.security(fixture.operator())));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailureInTheMiddleLeavesTheWholeClient_C6(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        RecordingListener subscriptions = fixture.recording(10); // removes its part first, then the next listener fails
        fixture.register(new FailingListener(), 0);
        ClientDetails client = fixture.client("Shop", "shopowner");

        assertThrows(IllegalStateException.class, () -> fixture.clients.remove(fixture.operator(), client.id(), null));

        assertEquals(List.of(), subscriptions.events());
        assertTrue(fixture.clients.read(fixture.operator(), client.id()).isPresent());
        assertTrue(fixture.accounts.find(client.organizationId()).isPresent());
        assertTrue(fixture.canLogIn("shopowner", ClientsFixture.PASSWORD));
        assertFalse(fixture.auditActions().contains("clients.client.removed"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRemovalAfterAnotherChangeIsRefusedAndAnUnknownDryRunValueIsAFieldError_C6(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        fixture.clients.change(fixture.operator(), client.id(), null,
                new ClientChange("Renamed", null, null, null, null, null, null, null, null, null));

        assertThrows(StaleVersionException.class, () -> fixture.resource.remove(client.id(), null, null, "\"v0\"",
                ClientsFixture.security(fixture.operator())));
        ValidationException invalid = assertThrows(ValidationException.class, () -> fixture.resource.remove(client.id(), "yes",
                null, null, ClientsFixture.security(fixture.operator())));

        assertEquals("dry_run", invalid.errors().get(0).field());
        assertTrue(fixture.clients.read(fixture.operator(), client.id()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBulkRemovalRemovesEachClientWholeOrNotAtAll_C6(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails gone = fixture.client("Gone", "gone");
        ClientDetails kept = fixture.client("Kept", "kept");
        fixture.register(new FailingListener(kept.id()), 0);

        BulkResult result = fixture.resource.bulk(new BulkRequest("delete", List.of(gone.id(), kept.id(), gone.id()), null),
                "remove-1", ClientsFixture.security(fixture.operator()));

        assertEquals(List.of(BulkResult.DONE, BulkResult.FAILED), result.results().stream().map(BulkResult.Item::status).toList());
        assertTrue(fixture.accounts.find(gone.organizationId()).isEmpty());
        assertTrue(fixture.accounts.find(kept.organizationId()).isPresent());
        assertTrue(fixture.canLogIn("kept", ClientsFixture.PASSWORD));
        BulkResult again = fixture.resource.bulk(new BulkRequest("delete", List.of(gone.id()), null), null,
                ClientsFixture.security(fixture.operator()));
        assertEquals(BulkResult.NOT_FOUND, again.results().get(0).status());
    }
}
