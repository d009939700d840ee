package dev.kontor.clients.internal.reseller;

import static dev.kontor.clients.internal.reseller.ResellerApplicationTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientChange;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientsFixture;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator moves a client to a reseller and back with {@code PATCH ... reseller_id} (C9). */
class ResellerMoveTest {

    @AutoClose
    private ResellersFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOperatorMovesAClientToAResellerAndBackToItsOwn_C9(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails shop = fixture.base.client("Shop", "shop");
        Caller staff = fixture.owner(agency);

        Response moved = fixture.base.resource.change(shop.id(), move(agency.organizationId()), "\"v" + shop.version() + "\"",
                ClientsFixture.security(fixture.operator()));

        ClientDetails there = (ClientDetails) moved.getEntity();
        assertEquals(agency.organizationId(), there.resellerId());
        assertEquals(shop.version() + 1, there.version());
        assertEquals(agency.organizationId(), fixture.base.clients.read(staff, shop.id()).orElseThrow().resellerId());
        assertEquals(1, fixture.resellers.read(fixture.operator(), agency.organizationId()).clients());

        ClientDetails back = (ClientDetails) fixture.base.resource.change(shop.id(), move(""), null,
                ClientsFixture.security(fixture.operator())).getEntity();

        assertNull(back.resellerId());
        assertTrue(fixture.base.clients.read(staff, shop.id()).isEmpty());
        assertEquals(2, fixture.base.auditActions().stream().filter("clients.client.moved"::equals).count());
        assertEquals(back, fixture.base.moves.move(fixture.operator(), shop.id(), "operator"), "moving where it is changes nothing");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMoveAndAContactChangeCommitTogetherOrNotAtAll_C5_C9(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails shop = fixture.base.client("Shop", "shop");
        ClientChange renameAndMove = new ClientChange("Shop Ltd", null, null, null, null, null, null, null, null, null,
                agency.organizationId());

        assertThrows(StaleVersionException.class, () -> fixture.base.resource.change(shop.id(), renameAndMove, "\"v99\"",
                ClientsFixture.security(fixture.operator())));
        ClientChange renameAndBadMove = new ClientChange("Shop Ltd", null, null, null, null, null, null, null, null, null,
                fixture.base.client("Plain", "plain").organizationId());
        assertField("reseller_id", () -> fixture.base.resource.change(shop.id(), renameAndBadMove, null,
                ClientsFixture.security(fixture.operator())));

        ClientDetails unchanged = fixture.base.clients.read(fixture.operator(), shop.id()).orElseThrow();
        assertEquals("Shop", unchanged.name());
        assertNull(unchanged.resellerId());
        ClientDetails both = (ClientDetails) fixture.base.resource.change(shop.id(), renameAndMove, null,
                ClientsFixture.security(fixture.operator())).getEntity();
        assertEquals("Shop Ltd", both.name());
        assertEquals(agency.organizationId(), both.resellerId());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aClientMovesOnlyToAnActiveResellerOtherThanItself_C9(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails paused = fixture.reseller("Paused", "paused");
        ClientDetails pausedsClient = fixture.clientOf(paused, "Paused shop", "pausedshop");
        fixture.resellers.suspend(fixture.operator(), paused.organizationId(), null);
        ClientDetails shop = fixture.base.client("Shop", "shop");
        Caller operator = fixture.operator();

        assertField("reseller_id", () -> fixture.base.moves.move(operator, shop.id(), fixture.base.client("Plain", "plain")
                .organizationId()));
        assertField("reseller_id", () -> fixture.base.moves.move(operator, shop.id(), paused.organizationId()));
        assertField("reseller_id", () -> fixture.base.moves.move(operator, agency.id(), agency.organizationId()));
        assertField("reseller_id", () -> fixture.base.moves.move(operator, shop.id(), "org\u0000x"));
        assertProblem(409, "reseller-suspended", () -> fixture.base.moves.move(operator, pausedsClient.id(), null));
        assertThrows(NotFoundException.class, () -> fixture.base.moves.move(operator, "cl_unknown", agency.organizationId()));
        assertProblem(403, "forbidden", () -> fixture.base.moves.changeAndMove(fixture.base.staff("billing"), shop.id(), null,
                move(agency.organizationId())));
        assertField("reseller_id", () -> fixture.base.clients.create(operator, ResellerScopeTest.withReseller(
                ClientsFixture.newClient("New", "newone"), paused.organizationId())));
        ClientDetails created = fixture.base.clients.create(operator, ResellerScopeTest.withReseller(
                ClientsFixture.newClient("New", "newtwo"), agency.organizationId()));
        assertEquals(agency.organizationId(), created.resellerId());
        assertNull(fixture.base.clients.read(operator, shop.id()).orElseThrow().resellerId());
    }

    /** JSON null for {@code reseller_id} moves the client to the operator; leaving the field out moves nothing. */
    @Test
    void aNullResellerIdDiffersFromAnAbsentOne() throws Exception {
        ObjectMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(); // as the panel reads requests

        ClientChange toOperator = json.readValue("{\"reseller_id\": null}", ClientChange.class);
        ClientChange toReseller = json.readValue("{\"reseller_id\": \"org_a\"}", ClientChange.class);
        ClientChange rename = json.readValue("{\"name\": \"New\"}", ClientChange.class);

        assertEquals("", toOperator.resellerId());
        assertTrue(toOperator.movesClient());
        assertEquals("org_a", toReseller.resellerId());
        assertNull(rename.resellerId());
        assertFalse(rename.movesClient());
    }

    private static ClientChange move(String resellerId) {
        return new ClientChange(null, null, null, null, null, null, null, null, null, null, resellerId);
    }

    static void assertField(String field, Runnable request) {
        ValidationException invalid = assertThrows(ValidationException.class, request::run);
        assertEquals(field, invalid.errors().get(0).field(), invalid.getMessage());
    }
}
