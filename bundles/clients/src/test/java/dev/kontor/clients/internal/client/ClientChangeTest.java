package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.storage.internal.ChosenPermissions;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Editing a client's contact data and login (C5), never overwriting another's change unseen. */
class ClientChangeTest {

    private static final ClientChange NOTHING = change(null, null, null, null, null);
    @AutoClose
    private ClientsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aChangeWithTheETagSeenAppliesAndAnOlderETagIsRefused_C5(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        Caller operator = fixture.operator();
        Response read = fixture.resource.get(client.id(), ClientsFixture.security(operator));
        String seen = read.getEntityTag().toString();

        Response changed = fixture.resource.change(client.id(), change("Shop Renamed", "Acme AG", "", null, null), seen,
                ClientsFixture.security(operator));
        ClientDetails after = (ClientDetails) changed.getEntity();

        assertEquals("\"v0\"", seen);
        assertEquals("\"v1\"", changed.getEntityTag().toString());
        assertEquals("Shop Renamed", after.name());
        assertEquals("Acme AG", after.company());
        assertNull(after.phone());
        assertEquals("Street 1\n10115 Berlin", after.address());
        assertThrows(StaleVersionException.class, () -> fixture.clients.change(operator, client.id(), seen,
                change("Lost update", null, null, null, null)));
        assertField("If-Match", () -> fixture.clients.change(operator, client.id(), "v1", NOTHING));
        assertEquals("Shop Renamed", fixture.clients.read(operator, client.id()).orElseThrow().name());
        assertEquals(List.of(client.id()), fixture.clients.list(operator, new ClientFilter("acme", null, null, null),
                PageRequest.of(null, null)).items().stream().map(ClientDetails::id).toList());
        assertTrue(fixture.auditActions().contains("clients.client.changed"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOwnersLoginChangesWithItsUsernameAndPassword_C5(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        String newPassword = "another long secret";

        ClientDetails renamed = fixture.clients.change(fixture.operator(), client.id(), "\"v0\"",
                change(null, null, null, "shopowner2", newPassword));
        ClientDetails samePassword = fixture.clients.change(fixture.operator(), client.id(), null,
                change(null, null, null, "shopowner3", null));

        assertEquals(1, renamed.version());
        assertEquals(2, samePassword.version());
        assertFalse(fixture.canLogIn("shopowner", ClientsFixture.PASSWORD));
        assertFalse(fixture.canLogIn("shopowner2", newPassword));
        assertTrue(fixture.canLogIn("shopowner3", newPassword));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invalidChangesNameTheirFieldsAndChangeNothing_C5(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        fixture.client("Other", "otherowner");
        Caller operator = fixture.operator();

        assertField("name", () -> fixture.clients.change(operator, client.id(), null, change("", null, null, null, null)));
        assertField("username", () -> fixture.clients.change(operator, client.id(), null,
                change(null, null, null, null, "a new long password")));
        assertField("username", () -> fixture.clients.change(operator, client.id(), null,
                change("Kept back", null, null, "otherowner", null)));
        assertField("password", () -> fixture.clients.change(operator, client.id(), null,
                change(null, null, null, "shopowner", "short")));
        ClientDetails unchanged = fixture.clients.read(operator, client.id()).orElseThrow();
        assertEquals("Shop", unchanged.name());
        assertEquals(0, unchanged.version());
        assertTrue(fixture.canLogIn("shopowner", ClientsFixture.PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDescriptionChangesOnlyWithClientsInternal_C2_C5(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        Caller manager = new ChosenPermissions(fixture.operator(), ClientsPermissions.VIEW, ClientsPermissions.MANAGE);
        ClientChange description = new ClientChange(null, null, null, null, null, null, null, "New note", null, null);

        assertEquals(403, assertThrows(ProblemException.class,
                () -> fixture.clients.change(manager, client.id(), null, description)).status());
        ClientDetails seenByManager = fixture.clients.change(manager, client.id(), null, change("Renamed", null, null, null, null));
        ClientDetails changed = fixture.clients.change(fixture.operator(), client.id(), null, description);

        assertNull(seenByManager.description());
        assertEquals("New note", changed.description());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aChangeWithoutAnythingNewKeepsTheVersion_C5(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");

        ClientDetails same = fixture.clients.change(fixture.operator(), client.id(), "\"v0\"", change("Shop", null, null, null, null));
        ClientDetails empty = fixture.clients.change(fixture.operator(), client.id(), "\"v0\"", null);

        assertEquals(0, same.version());
        assertEquals(0, empty.version());
        assertFalse(fixture.auditActions().contains("clients.client.changed"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientsOwnUsersAndOtherResellersCannotChangeIt_C5(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails agency = fixture.client("Agency", "agency");
        Caller otherReseller = new ChosenPermissions(fixture.owner(agency), ClientsPermissions.VIEW, ClientsPermissions.MANAGE);
        Caller ownerWithManage = new ChosenPermissions(fixture.owner(client), ClientsPermissions.MANAGE);

        assertThrows(NotFoundException.class, () -> fixture.clients.change(otherReseller, client.id(), null,
                change("Taken over", null, null, null, null)));
        assertThrows(NotFoundException.class, () -> fixture.clients.change(ownerWithManage, client.id(), null,
                change("Self-service", null, null, null, null)));
        assertEquals("Shop", fixture.clients.read(fixture.operator(), client.id()).orElseThrow().name());
    }

    private static ClientChange change(String name, String company, String phone, String username, String password) {
        return new ClientChange(name, null, phone, company, null, null, null, null, username, password);
    }

    private static void assertField(String field, Runnable request) {
        ValidationException invalid = assertThrows(ValidationException.class, request::run);
        assertEquals(field, invalid.errors().get(0).field());
    }
}
