package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.subscriptions.SubscriptionState;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.storage.internal.ChosenPermissions;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Suspension as stacked holds with a lift policy per reason, precedence and history (S2, S3). */
class HoldsTest {

    @AutoClose
    private SubscriptionsFixture fixture;
    private ClientDetails client;
    private SubscriptionView subscription;

    /** The fixture on the database, with the client "Shop" (owner {@code shopowner}) and its subscription "Basic". */
    private void shopWithSubscription(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        client = fixture.client("Shop", "shopowner");
        subscription = fixture.subscription(client, "Basic");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void holdsStackAndLiftingOneLeavesTheOthersInForce_S2(DatabaseKind kind) {
        shopWithSubscription(kind);
        Caller operator = fixture.operator();

        HoldView operatorHold = fixture.holds.place(operator, subscription.id(), new NewHold("operator", "Please call us",
                "Ticket 4711", null));
        HoldView abuseHold = fixture.holds.place(operator, subscription.id(), new NewHold("abuse", "Spam was sent",
                "Complaint from a list", null));
        long revisionSuspended = revision(subscription.id());
        fixture.holds.lift(operator, subscription.id(), abuseHold.id(), "cleaned up");

        SubscriptionView held = fixture.read(subscription.id());
        assertEquals("suspended", held.state());
        assertEquals(new SubscriptionView.Suspension("operator", "Please call us", operatorHold.placedAt()), held.suspension());
        assertEquals(revisionSuspended, revision(subscription.id()), "the state stayed, so its revision did");
        assertEquals(SubscriptionState.SUSPENDED, fixture.subscriptionDirectory.find(subscription.id()).orElseThrow().state());

        fixture.holds.lift(operator, subscription.id(), operatorHold.id(), null);

        SubscriptionView active = fixture.read(subscription.id());
        assertEquals("active", active.state());
        assertNull(active.suspension());
        assertEquals(revisionSuspended + 1, revision(subscription.id()));
        assertEquals(List.of("created -> active", "placed operator -> suspended", "placed abuse -> suspended",
                "lifted abuse -> suspended", "lifted operator -> active"), fixture.history(subscription.id()));
        List<String> audit = fixture.auditActions();
        assertEquals(2, audit.stream().filter("subscriptions.hold.placed"::equals).count());
        assertEquals(2, audit.stream().filter("subscriptions.hold.lifted"::equals).count());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientIsShownTheHoldOfHighestPrecedence_S2(DatabaseKind kind) {
        shopWithSubscription(kind);
        Caller operator = fixture.operator();

        fixture.holds.place(fixture.owner(client), subscription.id(), new NewHold("customer", "On holiday", null, null));
        assertEquals("customer", fixture.read(subscription.id()).suspension().reason());
        fixture.holds.place(operator, subscription.id(), new NewHold("expired", null, null, null));
        assertEquals("expired", fixture.read(subscription.id()).suspension().reason());
        fixture.clients.suspend(operator, client.id(), "unpaid");
        assertEquals("cascade_client", fixture.read(subscription.id()).suspension().reason());
        fixture.holds.place(operator, subscription.id(), new NewHold("operator", null, null, null));
        assertEquals("operator", fixture.read(subscription.id()).suspension().reason());
        fixture.holds.place(operator, subscription.id(), new NewHold("non_payment", "Invoice 12 is due", null, null));
        assertEquals("non_payment", fixture.read(subscription.id()).suspension().reason());
        fixture.holds.place(operator, subscription.id(), new NewHold("abuse", null, null, null));
        assertEquals("abuse", fixture.read(subscription.id()).suspension().reason());
        assertEquals(List.of(HoldReason.ABUSE, HoldReason.NON_PAYMENT, HoldReason.OPERATOR, HoldReason.RESELLER,
                HoldReason.CASCADE_RESELLER, HoldReason.CASCADE_CLIENT, HoldReason.EXPIRED, HoldReason.CUSTOMER),
                List.of(HoldReason.values()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellerCannotLiftTheOperatorsHoldNorAnyoneASystemHold_S2(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails shop = fixture.clientOf(agency, "Shop", "shopowner");
        SubscriptionView shopSubscription = fixture.subscription(shop, "Basic");
        Caller operator = fixture.operator();
        Caller reseller = fixture.owner(agency);
        HoldView operatorHold = fixture.holds.place(operator, shopSubscription.id(), new NewHold("operator", null, null, null));
        HoldView abuseHold = fixture.holds.place(operator, shopSubscription.id(), new NewHold("abuse", null, null, null));
        HoldView paymentHold = fixture.holds.place(operator, shopSubscription.id(), new NewHold("non_payment", null, null, null));
        HoldView resellerHold = fixture.holds.place(reseller, shopSubscription.id(), new NewHold("reseller", null, "late", null));

        assertRefused("hold-lift-not-allowed", () -> fixture.holds.lift(reseller, shopSubscription.id(), operatorHold.id(),
                null));
        assertRefused("hold-lift-not-allowed", () -> fixture.holds.lift(reseller, shopSubscription.id(), abuseHold.id(), null));
        assertRefused("hold-lift-not-allowed", () -> fixture.holds.lift(operator, shopSubscription.id(), paymentHold.id(), null));
        Caller suspender = new ChosenPermissions(operator, SubscriptionsPermissions.VIEW, SubscriptionsPermissions.SUSPEND);
        assertRefused("hold-lift-not-allowed", () -> fixture.holds.lift(suspender, shopSubscription.id(), abuseHold.id(), null));
        assertRefused("hold-place-not-allowed", () -> fixture.holds.place(reseller, shopSubscription.id(),
                new NewHold("operator", null, null, null)));
        assertRefused("hold-place-not-allowed", () -> fixture.holds.place(reseller, shopSubscription.id(),
                new NewHold("abuse", null, null, null)));
        assertRefused("hold-place-not-allowed", () -> fixture.holds.place(operator, shopSubscription.id(),
                new NewHold("reseller", null, null, null)));
        assertEquals(4, fixture.holdsOf(shopSubscription.id()).stream().filter(HoldView::inForce).count());

        assertEquals(Outcome.DONE, fixture.holds.lift(operator, shopSubscription.id(), resellerHold.id(), null));
        assertEquals(Outcome.DONE, fixture.holds.lift(suspender, shopSubscription.id(), operatorHold.id(), null));
        assertEquals(Outcome.DONE, fixture.holds.lift(operator, shopSubscription.id(), abuseHold.id(), null));
        assertEquals("suspended", fixture.read(shopSubscription.id()).state(), "only the invoice lifts non-payment");
        assertEquals(1, fixture.system.lift(shopSubscription.id(), HoldReason.NON_PAYMENT, null, "invoice paid"));
        assertEquals("active", fixture.read(shopSubscription.id()).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void cascadeReasonsAreTheSystemsAlone_S2(DatabaseKind kind) {
        shopWithSubscription(kind);
        Caller operator = fixture.operator();

        ValidationException invalid = assertThrows(ValidationException.class, () -> fixture.holds.place(operator,
                subscription.id(), new NewHold("cascade_client", null, null, null)));
        assertEquals("reason", invalid.errors().get(0).field());
        fixture.clients.suspend(operator, client.id(), null);
        HoldView cascade = fixture.holdsOf(subscription.id()).get(0);
        assertEquals("cascade_client", cascade.reason());
        assertFalse(cascade.canLift());
        assertRefused("hold-lift-not-allowed", () -> fixture.holds.lift(operator, subscription.id(), cascade.id(), null));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientsUsersSeePublicNotesOnlyAndCannotChangeASuspendedSubscription_S3(DatabaseKind kind) {
        shopWithSubscription(kind);
        Caller owner = fixture.owner(client);
        Caller basic = fixture.member(client, "basic");
        fixture.holds.place(fixture.operator(), subscription.id(), new NewHold("operator", "Please call us", "Fraud suspected",
                null));

        for (Caller user : List.of(owner, basic)) {
            HoldView seen = fixture.holds.list(user, subscription.id(), PageRequest.of(null, null)).items().get(0);
            assertEquals("Please call us", seen.publicNote());
            assertNull(seen.internalNote());
            assertNull(seen.placedBy());
            assertNull(seen.sourceId());
            assertFalse(seen.canLift());
            assertEquals("operator", fixture.subscriptions.read(user, subscription.id()).orElseThrow().suspension().reason());
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> fixture.holds.place(owner, subscription.id(),
                new NewHold("customer", null, null, null)));
        assertEquals(409, refused.status());
        assertEquals("subscription-suspended", refused.type());
        assertRefused("hold-place-not-allowed", () -> fixture.holds.place(basic, subscription.id(),
                new NewHold("customer", null, null, null)));
        assertEquals("Fraud suspected", fixture.holdsOf(subscription.id()).get(0).internalNote());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientsOwnerSuspendsAndResumesTheSubscriptionButWritesNoInternalNote_S2(DatabaseKind kind) {
        shopWithSubscription(kind);
        Caller owner = fixture.owner(client);

        assertEquals("internal_note", assertThrows(ValidationException.class, () -> fixture.holds.place(owner,
                subscription.id(), new NewHold("customer", null, "secret", null))).errors().get(0).field());
        HoldView own = fixture.holds.place(owner, subscription.id(), new NewHold("customer", "Closed for the winter", null, null));
        assertTrue(own.canLift());
        assertEquals("suspended", fixture.read(subscription.id()).state());
        assertEquals(Outcome.DONE, fixture.holds.lift(owner, subscription.id(), own.id(), "back again"));
        assertEquals(Outcome.UNCHANGED, fixture.holds.lift(owner, subscription.id(), own.id(), null));
        assertEquals("active", fixture.read(subscription.id()).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aHoldPastItsExpiryNoLongerHoldsAndItsLapseIsRecorded_S2(DatabaseKind kind) {
        shopWithSubscription(kind);
        SubscriptionView other = fixture.subscription(client, "Other");
        Caller operator = fixture.operator();
        String inAnHour = fixture.clock.instant().plus(Duration.ofHours(1)).toString();
        HoldView lapsing = fixture.holds.place(operator, subscription.id(), new NewHold("operator", null, null, inAnHour));
        fixture.holds.place(operator, other.id(), new NewHold("operator", null, null, inAnHour));
        fixture.holds.place(operator, other.id(), new NewHold("abuse", null, null, null));
        assertEquals(0, fixture.sweep.sweep());

        fixture.clock.advance(Duration.ofMinutes(61));

        assertFalse(fixture.holdsOf(subscription.id()).get(0).inForce());
        assertEquals(2, fixture.sweep.sweep());
        assertEquals(0, fixture.sweep.sweep(), "each lapse is recorded once");
        assertEquals("active", fixture.read(subscription.id()).state());
        assertEquals("suspended", fixture.read(other.id()).state());
        HoldView lapsed = fixture.holdsOf(subscription.id()).get(0);
        assertEquals(lapsing.expiresAt(), lapsed.liftedAt());
        assertEquals("system", lapsed.liftedBy());
        assertEquals(List.of("created -> active", "placed operator -> suspended", "lapsed operator -> active"),
                fixture.history(subscription.id()));
        assertEquals("expires_at", assertThrows(ValidationException.class, () -> fixture.holds.place(operator,
                subscription.id(), new NewHold("operator", null, null, fixture.clock.instant().minusSeconds(1).toString())))
                .errors().get(0).field());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void systemHoldsArePlacedOncePerSourceAndLiftedOnlyByTheSystem_S2(DatabaseKind kind) {
        shopWithSubscription(kind);

        assertTrue(fixture.system.place(subscription.id(), HoldReason.NON_PAYMENT, "inv_1", "Invoice 1 is overdue", null)
                .isPresent());
        assertTrue(fixture.system.place(subscription.id(), HoldReason.NON_PAYMENT, "inv_1", "again", null).isEmpty());
        assertTrue(fixture.system.place(subscription.id(), HoldReason.NON_PAYMENT, "inv_2", "Invoice 2 is overdue", null)
                .isPresent());
        assertEquals(1, fixture.system.lift(subscription.id(), HoldReason.NON_PAYMENT, "inv_1", "paid"));
        assertEquals("suspended", fixture.read(subscription.id()).state());
        assertEquals(1, fixture.system.lift(subscription.id(), HoldReason.NON_PAYMENT, null, "all paid"));
        assertEquals("active", fixture.read(subscription.id()).state());
        assertTrue(fixture.system.place("sub_unknown", HoldReason.EXPIRED, null, null, null).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherClientsSubscriptionAndItsHoldsAnswerLikeMissingOnes(DatabaseKind kind) {
        shopWithSubscription(kind);
        ClientDetails stranger = fixture.client("Other", "other");
        HoldView hold = fixture.holds.place(fixture.operator(), subscription.id(), new NewHold("operator", null, null, null));
        Caller outsider = fixture.owner(stranger);

        assertThrows(jakarta.ws.rs.NotFoundException.class, () -> fixture.holds.list(outsider, subscription.id(),
                PageRequest.of(null, null)));
        assertThrows(jakarta.ws.rs.NotFoundException.class, () -> fixture.holds.lift(outsider, subscription.id(), hold.id(), null));
        assertThrows(jakarta.ws.rs.NotFoundException.class, () -> fixture.holds.place(outsider, subscription.id(),
                new NewHold("customer", null, null, null)));
        assertThrows(jakarta.ws.rs.NotFoundException.class, () -> fixture.holds.read(fixture.operator(), subscription.id(),
                "sh_unknown"));
        assertTrue(fixture.subscriptions.read(outsider, subscription.id()).isEmpty());
    }

    private long revision(String subscriptionId) {
        return fixture.database.inTransaction(connection -> {
            try (var select = connection.prepareStatement("SELECT state_revision FROM subscriptions_subscription WHERE id = ?")) {
                select.setString(1, subscriptionId);
                try (var row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static void assertRefused(String type, Runnable request) {
        ProblemException refused = assertThrows(ProblemException.class, request::run);
        assertEquals(403, refused.status());
        assertEquals(type, refused.type());
    }
}
