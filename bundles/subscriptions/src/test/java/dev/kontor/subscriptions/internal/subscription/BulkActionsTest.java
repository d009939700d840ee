package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.rest.IdempotencyKeyReusedException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Suspending, activating and terminating many subscriptions at once, each in its own transaction (S2, S6). */
class BulkActionsTest {

    @AutoClose
    private SubscriptionsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachSubscriptionChangesOnItsOwnWithAResultEach_S2(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails stranger = fixture.client("Stranger", "stranger");
        String first = fixture.subscription(client, "First").id();
        String ended = fixture.subscription(client, "Ended").id();
        String foreign = fixture.subscription(stranger, "Foreign").id();
        fixture.subscriptions.terminate(fixture.operator(), ended, null);
        Caller agencyOwner = fixture.owner(fixture.client("Nobody", "nobody"));

        BulkResult suspended = run(fixture.operator(), "suspend", null, first, ended, "sub_unknown", first);
        BulkResult again = run(fixture.operator(), "suspend", "operator", first);
        BulkResult outsider = run(agencyOwner, "suspend", null, foreign);

        assertEquals(List.of(first, ended, "sub_unknown"), suspended.results().stream().map(BulkResult.Item::id).toList());
        assertEquals(List.of(BulkResult.DONE, BulkResult.FAILED, BulkResult.NOT_FOUND),
                suspended.results().stream().map(BulkResult.Item::status).toList());
        assertEquals("subscription-terminated", suspended.results().get(1).problem());
        assertEquals(BulkResult.UNCHANGED, again.results().get(0).status());
        assertEquals(BulkResult.NOT_FOUND, outsider.results().get(0).status());
        assertEquals("operator", fixture.read(first).suspension().reason());
        assertEquals("active", fixture.read(foreign).state());

        BulkResult activated = run(fixture.operator(), "activate", "operator", first, foreign);
        assertEquals(List.of(BulkResult.DONE, BulkResult.UNCHANGED),
                activated.results().stream().map(BulkResult.Item::status).toList());
        assertEquals("active", fixture.read(first).state());
        BulkResult terminated = run(fixture.operator(), "terminate", null, first, ended);
        assertEquals(List.of(BulkResult.DONE, BulkResult.UNCHANGED),
                terminated.results().stream().map(BulkResult.Item::status).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theLiftPolicyDecidesPerSubscription_S2(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails shop = fixture.clientOf(agency, "Shop", "shopowner");
        String subscription = fixture.subscription(shop, "Shop plan").id();
        fixture.holds.place(fixture.operator(), subscription, new NewHold("operator", null, null, null));
        Caller reseller = fixture.owner(agency);

        BulkResult refused = run(reseller, "activate", "operator", subscription);
        BulkResult own = run(reseller, "suspend", null, subscription);

        assertEquals(BulkResult.FAILED, refused.results().get(0).status());
        assertEquals("hold-lift-not-allowed", refused.results().get(0).problem());
        assertEquals(BulkResult.DONE, own.results().get(0).status());
        assertEquals(List.of("reseller", "operator"), fixture.holdsOf(subscription).stream().map(HoldView::reason).toList());
        BulkResult basic = run(fixture.member(agency, "basic"), "terminate", null, subscription);
        assertEquals(BulkResult.FAILED, basic.results().get(0).status());
        assertEquals("forbidden", basic.results().get(0).problem());
        assertEquals(BulkResult.DONE, run(reseller, "terminate", null, subscription).results().get(0).status(),
                "the reseller's owner holds subscriptions.manage");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSameIdempotencyKeyTwiceDoesTheWorkOnce(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        String subscription = fixture.subscription(client, "Basic").id();
        Caller operator = fixture.operator();
        BulkRequest request = new BulkRequest("suspend", List.of(subscription), "abuse", "Spam", "Complaint 17");

        BulkResult first = fixture.resource.bulk(request, "key-1", SubscriptionsFixture.security(operator));
        BulkResult repeated = fixture.resource.bulk(request, "key-1", SubscriptionsFixture.security(operator));

        assertEquals(first, repeated);
        assertEquals(BulkResult.DONE, repeated.results().get(0).status());
        assertEquals(1, fixture.holdsOf(subscription).size());
        assertThrows(IdempotencyKeyReusedException.class, () -> fixture.resource.bulk(new BulkRequest("activate",
                List.of(subscription), "abuse", null, null), "key-1", SubscriptionsFixture.security(operator)));
        assertEquals("suspended", fixture.read(subscription).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aBulkNeedsValidInput(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        String subscription = fixture.subscription(client, "Basic").id();
        Caller operator = fixture.operator();

        assertField("action", () -> fixture.bulk.run(operator, null, new BulkRequest("purge", List.of(subscription), null, null,
                null)));
        assertField("action", () -> fixture.bulk.run(operator, null, null));
        assertField("ids", () -> fixture.bulk.run(operator, null, new BulkRequest("suspend", List.of(), null, null, null)));
        assertField("ids", () -> fixture.bulk.run(operator, null, new BulkRequest("suspend",
                Collections.nCopies(BulkActions.MAX_IDS + 1, subscription), null, null, null)));
        assertField("ids[1]", () -> fixture.bulk.run(operator, null, new BulkRequest("suspend",
                Arrays.asList(subscription, null), null, null, null)));
        assertField("reason", () -> fixture.bulk.run(operator, null, new BulkRequest("suspend", List.of(subscription),
                "cascade_client", null, null)));
        assertField("public_note", () -> fixture.bulk.run(operator, null, new BulkRequest("suspend", List.of(subscription),
                null, "x".repeat(1001), null)));
        assertField("Idempotency-Key", () -> fixture.bulk.run(operator, "bad key", new BulkRequest("suspend",
                List.of(subscription), null, null, null)));
        assertEquals("active", fixture.read(subscription).state());
    }

    private BulkResult run(Caller caller, String action, String reason, String... ids) {
        return fixture.bulk.run(caller, null, new BulkRequest(action, List.of(ids), reason, null, null));
    }

    private static void assertField(String field, Runnable request) {
        ValidationException invalid = assertThrows(ValidationException.class, request::run);
        assertEquals(field, invalid.errors().get(0).field(), invalid.getMessage());
    }
}
