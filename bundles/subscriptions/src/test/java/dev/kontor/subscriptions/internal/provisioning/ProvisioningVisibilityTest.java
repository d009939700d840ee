package dev.kontor.subscriptions.internal.provisioning;

import static dev.kontor.subscriptions.internal.provisioning.ProvisioningFixture.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.storage.internal.CallerContext;
import dev.kontor.subscriptions.internal.subscription.SubscriptionFilter;
import dev.kontor.subscriptions.internal.subscription.SubscriptionView;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who sees provisioning (S3): the subscription's JSON for staff, the operator's list of
 * failures and the retry; the client's own users see their subscription's state only.
 */
class ProvisioningVisibilityTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @AutoClose
    private ProvisioningFixture fixture;
    private ProvisioningDelivery delivery;
    private RecordingProvisioner web;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void staffSeeEachProvisionersDeliveryOnlyTheOperatorItsErrorAndTheClientNothing_S3(DatabaseKind kind) throws Exception {
        start(kind);
        ClientDetails agency = fixture.base.reseller("Agency", "agency");
        ClientDetails shop = fixture.base.clientOf(agency, "Shop", "shopowner");
        String id = fixture.base.subscription(shop, "Basic").id();
        awaitAttempts(id, 1);
        Caller operator = fixture.base.operator();
        Caller reseller = fixture.base.owner(agency);
        Caller client = fixture.base.owner(shop);

        JsonNode entry = JSON.readTree(JSON.writeValueAsString(read(operator, id))).path("provisioning").get(0);
        assertEquals(JSON.readTree("{\"provisioner\":\"" + WEB + "\",\"revision\":0,\"delivered_revision\":null,"
                + "\"state\":\"pending\",\"last_error\":\"java.io.IOException: disk full\",\"attempts\":1}"), entry);
        JsonNode resellers = JSON.readTree(JSON.writeValueAsString(read(reseller, id))).path("provisioning").get(0);
        assertEquals(WEB, resellers.path("provisioner").asText());
        assertEquals("pending", resellers.path("state").asText());
        assertFalse(resellers.has("last_error"), "the error describes the operator's machines");
        assertFalse(JSON.readTree(JSON.writeValueAsString(read(client, id))).has("provisioning"),
                "the client's own users see the state only");

        assertEquals("java.io.IOException: disk full", listed(operator, id).provisioning().get(0).lastError());
        assertEquals(new ProvisioningEntry(WEB, 0, null, "pending", null, 1), listed(reseller, id).provisioning().get(0));
        assertNull(listed(client, id).provisioning());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOperatorListsDeliveriesByStatePageByPage_S3(DatabaseKind kind) {
        start(kind);
        ClientDetails shop = fixture.base.client("Shop", "shopowner");
        List<String> ids = Stream.of("A", "B", "C").map(plan -> fixture.base.subscription(shop, plan).id()).sorted().toList();
        for (int attempts = 1; attempts < 3; attempts++) {
            int reached = attempts;
            ids.forEach(id -> awaitAttempts(id, reached));
            fixture.base.clock.advance(Duration.ofSeconds(60));
            delivery.wakeAll();
        }
        ids.forEach(id -> awaitAttempts(id, 3));
        ProvisioningResource resource = new ProvisioningResource(fixture.overview);
        CallerContext operator = new CallerContext(fixture.base.operator());

        Page<ProvisioningItem> first = resource.list("failing", "2", null, operator);
        Page<ProvisioningItem> second = resource.list("failing", "2", first.nextCursor(), operator);
        assertEquals(ids.subList(0, 2), first.items().stream().map(ProvisioningItem::subscriptionId).toList());
        assertEquals(ids.subList(2, 3), second.items().stream().map(ProvisioningItem::subscriptionId).toList());
        assertNull(second.nextCursor());
        ProvisioningItem item = first.items().get(0);
        assertEquals(shop.id(), item.clientId());
        assertEquals("failing", item.state());
        assertEquals("java.io.IOException: disk full", item.lastError());
        assertTrue(resource.list("delivered", null, null, operator).items().isEmpty());
        assertTrue(resource.list("pending", null, null, operator).items().isEmpty());
        assertEquals(3, resource.list(null, null, null, operator).items().size());

        assertEquals("state", assertThrows(ValidationException.class, () -> resource.list("broken", null, null, operator))
                .errors().get(0).field());
        assertEquals("cursor", assertThrows(ValidationException.class,
                () -> resource.list("failing", null, PageRequest.encode("no-space"), operator)).errors().get(0).field());
        assertForbidden(() -> resource.list("failing", null, null, new CallerContext(fixture.base.staff("reports"))));
        assertForbidden(() -> resource.list("failing", null, null, new CallerContext(fixture.base.owner(shop))));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRetryMakesOwedDeliveriesDueNowAndIsTheOperatorsAlone_S3(DatabaseKind kind) {
        start(kind);
        ClientDetails agency = fixture.base.reseller("Agency", "agency");
        ClientDetails shop = fixture.base.clientOf(agency, "Shop", "shopowner");
        String id = fixture.base.subscription(shop, "Basic").id();
        awaitAttempts(id, 1);
        web.failWith(null);
        SubscriptionProvisioningResource resource = new SubscriptionProvisioningResource(fixture.overview);
        assertForbidden(() -> resource.retry(id, new CallerContext(fixture.base.owner(agency))));
        assertForbidden(() -> resource.retry(id, new CallerContext(fixture.base.owner(shop))));

        ProvisioningRetry retried = resource.retry(id, new CallerContext(fixture.base.operator()));

        assertEquals(1, retried.due());
        assertEquals(List.of(new ProvisioningEntry(WEB, 0, null, "pending", "java.io.IOException: disk full", 1)),
                retried.provisioning());
        Eventually.until("delivered without waiting for the pause",
                () -> "delivered".equals(fixture.entry(id, WEB).state()));
        assertEquals(0, resource.retry(id, new CallerContext(fixture.base.operator())).due(), "nothing is owed any more");
        assertEquals(2, fixture.base.count("SELECT COUNT(*) FROM audit_entry WHERE action = ?",
                "subscriptions.provisioning.retried"));
        assertThrows(NotFoundException.class, () -> resource.retry("sub_missing", new CallerContext(fixture.base.operator())));
    }

    /** The module with a provisioner that fails with "disk full" until told otherwise. */
    private void start(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        web = new RecordingProvisioner(new Deliveries());
        web.failWith("disk full");
        delivery = fixture.delivery();
        fixture.register(delivery, web, WEB, 0);
    }

    private void awaitAttempts(String id, int attempts) {
        Eventually.until(attempts + " attempts on " + id, () -> fixture.entry(id, WEB).attempts() == attempts);
    }

    private SubscriptionView read(Caller caller, String id) {
        return fixture.base.subscriptions.read(caller, id).orElseThrow();
    }

    private SubscriptionView listed(Caller caller, String id) {
        return fixture.base.subscriptions.list(caller, new SubscriptionFilter(null, null, null, null), PageRequest.of(null, null))
                .items().stream().filter(view -> view.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertForbidden(Executable call) {
        assertEquals(403, assertThrows(ProblemException.class, call).status());
    }
}
