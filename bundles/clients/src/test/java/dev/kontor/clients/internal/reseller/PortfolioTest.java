package dev.kontor.clients.internal.reseller;

import static dev.kontor.clients.internal.reseller.ResellerMoveTest.assertField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientsFixture;
import dev.kontor.clients.internal.client.FailingListener;
import dev.kontor.clients.internal.client.RecordingListener;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A reseller takes a client out of its portfolio, keeping or removing its projects (C6, C9). */
class PortfolioTest {

    @AutoClose
    private ResellersFixture fixture;
    private RecordingListener subscriptions;
    private ClientDetails agency;
    private ClientDetails shop;
    private ClientDetails bystander;
    private SecurityContext staff;

    /** A reseller's client with grants both ways between them, and one to a bystander that must stay. */
    private void clientWithGrants(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        subscriptions = new RecordingListener(fixture.base.database, Map.of("subscriptions", 2L));
        fixture.base.register(subscriptions, 0);
        agency = fixture.reseller("Agency", "agency");
        shop = fixture.clientOf(agency, "Shop", "shop");
        bystander = fixture.base.client("Bystander", "bystander");
        Caller operator = fixture.operator();
        fixture.base.accounts.grant(operator, new AccessGrant.Request(shop.organizationId(), agency.organizationId(), null, null));
        fixture.base.accounts.grant(operator, new AccessGrant.Request(agency.organizationId(), shop.organizationId(), null, null));
        fixture.base.accounts.grant(operator, new AccessGrant.Request(shop.organizationId(), bystander.organizationId(), null,
                null));
        staff = ClientsFixture.security(fixture.owner(agency));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void keepingProjectsMakesTheClientTheOperatorsOwnAndRevokesGrantsBothWays_C6_C9(DatabaseKind kind) {
        clientWithGrants(kind);

        assertEquals(Map.of("grants", 2L), fixture.base.resource.remove(shop.id(), "true", "keep", null, staff).getEntity());
        Response released = fixture.base.resource.remove(shop.id(), null, "keep", "\"v" + shop.version() + "\"", staff);

        assertEquals(204, released.getStatus());
        ClientDetails now = fixture.base.clients.read(fixture.operator(), shop.id()).orElseThrow();
        assertNull(now.resellerId());
        assertEquals(ClientDetails.ACTIVE, now.state());
        assertEquals(List.of(), subscriptions.events(), "its subscriptions are untouched");
        assertTrue(fixture.base.canLogIn("shop", ClientsFixture.PASSWORD));
        assertEquals(Set.of(bystander.organizationId()), grantees(shop.organizationId()));
        assertEquals(Set.of(), grantees(agency.organizationId()));
        assertTrue(fixture.base.clients.read(fixture.owner(agency), shop.id()).isEmpty());
        assertTrue(fixture.base.auditActions().contains("clients.client.moved"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removingProjectsRemovesTheClientWithEverythingAndRevokesGrantsBothWays_C6_C9(DatabaseKind kind) {
        clientWithGrants(kind);

        @SuppressWarnings("unchecked")
        Map<String, Long> preview = (Map<String, Long>) fixture.base.resource.remove(shop.id(), "true", "remove", null, staff)
                .getEntity();
        assertEquals(Map.of("client", 1L, "grants", 3L, "subscriptions", 2L), preview);
        fixture.base.resource.remove(shop.id(), null, "remove", null, staff);

        assertTrue(fixture.base.clients.read(fixture.operator(), shop.id()).isEmpty());
        assertEquals(List.of("removing:" + shop.id()), subscriptions.events());
        assertTrue(fixture.base.accounts.find(shop.organizationId()).isEmpty());
        assertFalse(fixture.base.canLogIn("shop", ClientsFixture.PASSWORD));
        assertEquals(Set.of(), grantees(agency.organizationId()), "the grant the reseller gave the client went too");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailingListenerLeavesTheClientAndItsGrants_C6(DatabaseKind kind) {
        clientWithGrants(kind);
        fixture.base.register(new FailingListener(shop.id()), -10);

        assertThrows(IllegalStateException.class, () -> fixture.base.resource.remove(shop.id(), null, "remove", null, staff));

        assertEquals(agency.organizationId(), fixture.base.clients.read(fixture.operator(), shop.id()).orElseThrow().resellerId());
        assertEquals(Set.of(agency.organizationId(), bystander.organizationId()), grantees(shop.organizationId()));
        assertEquals(Set.of(shop.organizationId()), grantees(agency.organizationId()));
        assertEquals(List.of(), subscriptions.events());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellerMustChooseAndTheOperatorMustNot_C6(DatabaseKind kind) {
        clientWithGrants(kind);
        SecurityContext operator = ClientsFixture.security(fixture.operator());

        assertField("projects", () -> fixture.base.resource.remove(shop.id(), null, null, null, staff));
        assertField("projects", () -> fixture.base.resource.remove(shop.id(), null, "maybe", null, staff));
        assertField("projects", () -> fixture.base.resource.remove(shop.id(), null, "keep", null, operator));
        assertField("dry_run", () -> fixture.base.resource.remove(shop.id(), "perhaps", "keep", null, staff));
        assertEquals(3L, ((Map<?, ?>) fixture.base.resource.remove(shop.id(), "true", null, null, staff).getEntity())
                .get("grants"), "a reseller's preview without a choice shows what removing would take");
        assertEquals(agency.organizationId(), fixture.base.clients.read(fixture.operator(), shop.id()).orElseThrow().resellerId());
    }

    /** The organizations the organization's grants in force go to. */
    private Set<String> grantees(String organizationId) {
        return Set.copyOf(fixture.base.accounts.grantsOf(organizationId).stream().map(AccessGrant::granteeOrganizationId)
                .toList());
    }
}
