package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.subscriptions.internal.cascade.CascadeReconciler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cascades from the clients module (C4, C6, S2): its real suspension, activation and
 * removal of clients reach this module's listener in the same transaction.
 */
class CascadeTest {

    @AutoClose
    private SubscriptionsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void suspendingAClientHoldsEachOfItsLiveSubscriptions_C4(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails other = fixture.client("Other", "other");
        SubscriptionView first = fixture.subscription(client, "First");
        SubscriptionView second = fixture.subscription(client, "Second");
        SubscriptionView ended = fixture.subscription(client, "Ended");
        SubscriptionView untouched = fixture.subscription(other, "Untouched");
        fixture.subscriptions.terminate(fixture.operator(), ended.id(), null);

        fixture.clients.suspend(fixture.operator(), client.id(), "unpaid invoices");

        for (SubscriptionView held : List.of(first, second)) {
            SubscriptionView now = fixture.read(held.id());
            assertEquals("suspended", now.state());
            assertEquals(new SubscriptionView.Suspension("cascade_client", CascadeNotes.CLIENT, now.suspension().since()),
                    now.suspension());
            HoldView hold = fixture.holdsOf(held.id()).get(0);
            assertEquals(client.id(), hold.sourceId());
            assertEquals("system", hold.placedBy());
            assertTrue(hold.internalNote().contains("unpaid invoices"), hold.internalNote());
        }
        assertEquals("terminated", fixture.read(ended.id()).state());
        assertEquals(List.of(), fixture.holdsOf(ended.id()));
        assertEquals("active", fixture.read(untouched.id()).state());
        assertTrue(fixture.auditActions().contains("subscriptions.cascade.placed"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void activatingTheClientLiftsOnlyWhatItsSuspensionCaused_C4(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        SubscriptionView held = fixture.subscription(client, "Held");
        SubscriptionView free = fixture.subscription(client, "Free");
        Caller operator = fixture.operator();
        fixture.holds.place(operator, held.id(), new NewHold("abuse", null, null, null));

        fixture.clients.suspend(operator, client.id(), null);
        fixture.clients.activate(operator, client.id(), null);

        assertEquals("suspended", fixture.read(held.id()).state());
        assertEquals("abuse", fixture.read(held.id()).suspension().reason());
        assertEquals("active", fixture.read(free.id()).state());
        assertEquals(List.of("created -> active", "placed cascade_client -> suspended", "lifted cascade_client -> active"),
                fixture.history(free.id()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aListenerFailingAfterOursUndoesOurHoldsWithTheSuspension_C4(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        SubscriptionView subscription = fixture.subscription(client, "Basic");
        fixture.listenToClients(new ClientLifecycleListener() {
            @Override
            public void suspended(ClientEvent event) {
                throw new IllegalStateException("a provisioning system is down");
            }
        }, 2);

        assertThrows(IllegalStateException.class, () -> fixture.clients.suspend(fixture.operator(), client.id(), null));

        assertEquals("active", fixture.read(subscription.id()).state());
        assertEquals(List.of(), fixture.holdsOf(subscription.id()));
        assertEquals(List.of("created -> active"), fixture.history(subscription.id()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSubscriptionCreatedForASuspendedClientIsHeldAtOnce_C4(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        fixture.clients.suspend(fixture.operator(), client.id(), null);

        SubscriptionView created = fixture.subscription(client, "Late");

        assertEquals("suspended", created.state());
        assertEquals("cascade_client", created.suspension().reason());
        fixture.clients.activate(fixture.operator(), client.id(), null);
        assertEquals("active", fixture.read(created.id()).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removingTheClientRemovesItsSubscriptionsAfterAPreviewOfWhatGoes_C6(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails other = fixture.client("Other", "other");
        SubscriptionView first = fixture.subscription(client, "First", "domain shop.example", "domain shop.test",
                "mailbox info@shop.example");
        fixture.subscription(client, "Second", "domain second.example");
        SubscriptionView kept = fixture.subscription(other, "Kept", "domain other.example");
        fixture.holds.place(fixture.operator(), first.id(), new NewHold("operator", null, null, null));
        fixture.subscriptions.terminate(fixture.operator(), first.id(), null);

        Map<String, Long> preview = fixture.clients.removalPreview(fixture.operator(), client.id());
        fixture.clients.remove(fixture.operator(), client.id(), null);

        assertEquals(2L, preview.get("subscriptions"));
        assertEquals(3L, preview.get("domains"));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM subscriptions_subscription"));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM subscriptions_service"));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM subscriptions_hold"));
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM subscriptions_history"));
        assertEquals("active", fixture.read(kept.id()).state());
        assertTrue(fixture.subscriptionDirectory.ofClient(client.id()).isEmpty());
        assertTrue(fixture.auditActions().contains("subscriptions.subscription.removed"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellersSuspensionHoldsItsClientsSubscriptionsAndActivationLiftsOnlyThose_S2(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails shop = fixture.clientOf(agency, "Shop", "shopowner");
        ClientDetails bakery = fixture.clientOf(agency, "Bakery", "baker");
        ClientDetails own = fixture.client("Own", "own");
        SubscriptionView shopSubscription = fixture.subscription(shop, "Shop plan");
        SubscriptionView bakerySubscription = fixture.subscription(bakery, "Bakery plan");
        SubscriptionView ownSubscription = fixture.subscription(own, "Own plan");

        fixture.suspendReseller(agency, "contract breach");
        fixture.clients.suspend(fixture.operator(), bakery.id(), null);

        assertEquals("cascade_reseller", fixture.read(shopSubscription.id()).suspension().reason());
        assertEquals("cascade_reseller", fixture.read(bakerySubscription.id()).suspension().reason());
        assertEquals("active", fixture.read(ownSubscription.id()).state());
        assertEquals(agency.organizationId(), fixture.holdsOf(shopSubscription.id()).get(0).sourceId());

        fixture.activateReseller(agency);

        assertEquals("active", fixture.read(shopSubscription.id()).state());
        assertEquals("cascade_client", fixture.read(bakerySubscription.id()).suspension().reason());
        fixture.suspendReseller(agency, null);
        fixture.suspendReseller(agency, null);
        assertEquals(1, fixture.holdsOf(shopSubscription.id()).stream().filter(HoldView::inForce).count(),
                "a repeated suspension places nothing twice");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onStartTheModuleCatchesUpWithSuspensionsItMissed_C4(DatabaseKind kind) throws Exception {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails missed = fixture.client("Missed", "missed");
        ClientDetails stale = fixture.client("Stale", "stale");
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails ofAgency = fixture.clientOf(agency, "Shop", "shopowner");
        SubscriptionView missedSubscription = fixture.subscription(missed, "Missed plan");
        SubscriptionView staleSubscription = fixture.subscription(stale, "Stale plan");
        SubscriptionView agencySubscription = fixture.subscription(ofAgency, "Agency plan");
        fixture.clients.suspend(fixture.operator(), stale.id(), null);
        fixture.suspendReseller(agency, null); // announced, but the clients module does not hold it suspended

        fixture.stopListeningToClients(fixture.clientCascade, 1); // the module is away
        fixture.clients.suspend(fixture.operator(), missed.id(), null);
        fixture.clients.activate(fixture.operator(), stale.id(), null);
        assertEquals("active", fixture.read(missedSubscription.id()).state());
        assertEquals("suspended", fixture.read(staleSubscription.id()).state());

        CascadeReconciler reconciler = new CascadeReconciler(fixture.system, fixture.directory);
        try {
            assertEquals(3, reconciler.started().get(60, TimeUnit.SECONDS));
            assertEquals("cascade_client", fixture.read(missedSubscription.id()).suspension().reason());
            assertEquals("active", fixture.read(staleSubscription.id()).state());
            assertEquals("active", fixture.read(agencySubscription.id()).state());
            assertEquals(0, reconciler.reconcile(), "a second run finds nothing to do");
        } finally {
            reconciler.stop();
        }
    }
}
