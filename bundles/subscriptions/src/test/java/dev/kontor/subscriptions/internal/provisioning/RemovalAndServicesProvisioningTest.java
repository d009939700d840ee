package dev.kontor.subscriptions.internal.provisioning;

import static dev.kontor.subscriptions.internal.provisioning.ProvisioningFixture.WEB;
import static dev.kontor.subscriptions.internal.provisioning.ProvisioningFixture.fullRound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.subscriptions.Provisioning;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.SubscriptionState;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.subscriptions.internal.subscription.SubscriptionChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What provisioners are told besides changes of state (S3): that the subscriptions of a
 * removed client stop for good (C6, S6), and a new list of services.
 */
class RemovalAndServicesProvisioningTest {

    private static final String MAIL = "test.mailserver";
    private static final String LATE = "test.late";

    @AutoClose
    private ProvisioningFixture fixture;
    /** What {@link #web} was told. */
    private final Deliveries told = new Deliveries();
    private final RecordingProvisioner web = new RecordingProvisioner(told);
    private ProvisioningDelivery delivery;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removingAClientTellsTheProvisionerAfterCommitThatEachSubscriptionIsTerminatedAndThenForgetsIt_C6_S3_S6(
            DatabaseKind kind) {
        startWithWeb(kind);
        ClientDetails client = client();
        String shop = fixture.base.subscription(client, "Shop", "website www.shop.example", "mailbox info@shop.example").id();
        String suspended = fixture.base.subscription(client, "Blog", "website blog.shop.example").id();
        String ended = fixture.base.subscription(client, "Old", "website old.shop.example").id();
        awaitLast(told, suspended, 0);
        awaitLast(told, ended, 0);
        fixture.suspend(suspended);
        fixture.base.subscriptions.terminate(fixture.base.operator(), ended, "moved away");
        String kept = fixture.base.subscription(fixture.base.client("Other", "other"), "Kept").id();
        awaitLast(told, shop, 0);
        awaitLast(told, suspended, 1);
        awaitLast(told, ended, 1);
        awaitLast(told, kept, 0);
        // The worker records each delivery after the call: the removal below, which waits for rounds, must not lock those rows first.
        for (String delivered : List.of(shop, suspended, ended)) {
            Eventually.until("the delivery recorded", () -> "delivered".equals(fixture.entry(delivered, WEB).state()));
        }

        fixture.base.database.runInTransaction(connection -> {
            fixture.base.clients.remove(fixture.base.operator(), client.id(), null);
            fullRound(delivery, WEB);
            assertEquals(List.of(0L), told.revisionsOf(shop), "nothing is delivered before the removal commits");
        });

        awaitLast(told, shop, 1);
        awaitLast(told, suspended, 2);
        Provisioning last = told.last(shop).orElseThrow();
        assertEquals(SubscriptionState.TERMINATED, last.subscription().state());
        assertEquals(client.id(), last.subscription().clientId());
        assertEquals("Shop", last.subscription().plan());
        assertEquals(List.of(new SubscribedService("website", "www.shop.example"),
                new SubscribedService("mailbox", "info@shop.example")), last.subscription().services());
        assertEquals(SubscriptionState.TERMINATED, told.last(suspended).orElseThrow().subscription().state());
        Eventually.until("the snapshots gone once delivered",
                () -> fixture.base.count("SELECT COUNT(*) FROM subscriptions_removed") == 0);
        fullRound(delivery, WEB);
        assertEquals(List.of(0L, 1L), told.revisionsOf(ended), "a termination it had taken is not told again");
        assertEquals(List.of(0L), told.revisionsOf(kept));
        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM subscriptions_removed_service"));
        assertEquals(List.of(kept), fixture.base.database.strings("SELECT subscription_id FROM subscriptions_provisioning"),
                "the removed subscriptions' rows went once delivered");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRemovalRolledBackTellsTheProvisionerNothing_C6_S3(DatabaseKind kind) {
        startWithWeb(kind);
        ClientDetails client = client();
        String id = fixture.base.subscription(client, "Shop", "website www.shop.example").id();
        awaitLast(told, id, 0);

        assertThrows(IllegalStateException.class, () -> fixture.base.database.runInTransaction(connection -> {
            fixture.base.clients.remove(fixture.base.operator(), client.id(), null);
            throw new IllegalStateException("a later part of the removal fails");
        }));
        fullRound(delivery, WEB);

        assertEquals(List.of(0L), told.revisionsOf(id));
        assertEquals("active", fixture.base.read(id).state());
        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM subscriptions_removed"));
        Eventually.until("the ledger records it", () -> "delivered".equals(fixture.entry(id, WEB).state()));
        assertEquals(new ProvisioningEntry(WEB, 0, 0L, "delivered", null, 0), fixture.entry(id, WEB));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRemovedSubscriptionsTerminationIsRetriedListedForTheOperatorAndRetriedByHandUntilDelivered_C6_S3(
            DatabaseKind kind) {
        startWithWeb(kind);
        ClientDetails client = client();
        String id = fixture.base.subscription(client, "Shop", "website www.shop.example").id();
        awaitLast(told, id, 0);
        Eventually.until("the ledger records it", () -> "delivered".equals(fixture.entry(id, WEB).state()));

        web.failWith("web server unreachable");
        fixture.base.clients.remove(fixture.base.operator(), client.id(), null);
        awaitAttempts(id, 1);
        ProvisioningItem owed = only();
        assertEquals(new ProvisioningItem(id, client.id(), WEB, 1, 0L, "pending", "java.io.IOException: web server unreachable",
                1, owed.lastAttemptAt(), owed.lastAttemptAt().plus(Duration.ofSeconds(10)), true), owed);

        fixture.base.clock.advance(Duration.ofSeconds(10));
        delivery.wakeAll();
        awaitAttempts(id, 2);
        fixture.base.clock.advance(Duration.ofSeconds(20));
        delivery.wakeAll();
        awaitAttempts(id, 3);
        assertEquals("failing", only().state(), "failing after the configured 3 attempts, like any delivery");

        web.failWith(null);
        ProvisioningRetry retry = fixture.overview.retry(fixture.base.operator(), id);
        assertEquals(1, retry.due(), "the operator retries a removed subscription's delivery by its id");
        awaitLast(told, id, 1);
        assertEquals(SubscriptionState.TERMINATED, told.last(id).orElseThrow().subscription().state());
        Eventually.until("the snapshot gone once delivered",
                () -> fixture.base.count("SELECT COUNT(*) FROM subscriptions_removed") == 0);
        assertTrue(fixture.overview.list(fixture.base.operator(), null, PageRequest.of(null, null)).items().isEmpty());
        assertEquals(5, told.calls(), "the creation, three failures and the success");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRemovedSubscriptionWaitsForAKnownProvisionerThatIsAwayButNotForOneFirstRegisteredAfterTheRemoval_C6_S3(
            DatabaseKind kind) {
        startWithWeb(kind);
        Deliveries toldMail = new Deliveries();
        Deliveries toldLate = new Deliveries();
        RecordingProvisioner mail = new RecordingProvisioner(toldMail);
        Map<String, Object> mailProperties = fixture.register(delivery, mail, MAIL, 0);
        ClientDetails client = client();
        String id = fixture.base.subscription(client, "Shop", "mailbox info@shop.example").id();
        awaitLast(told, id, 0);
        awaitLast(toldMail, id, 0);
        delivery.removeProvisioner(mail, mailProperties);

        fixture.base.clients.remove(fixture.base.operator(), client.id(), null);
        awaitLast(told, id, 1);
        fixture.register(delivery, new RecordingProvisioner(toldLate), LATE, 0);
        fullRound(delivery, WEB);
        fullRound(delivery, LATE);

        assertEquals(1, fixture.base.count("SELECT COUNT(*) FROM subscriptions_removed"), "still owed to the one away");
        assertEquals(List.of(MAIL), fixture.base.database.strings("SELECT provisioner FROM subscriptions_provisioning"));
        assertEquals(List.of(), toldLate.revisionsOf(id), "a provisioner first registered after the removal ran nothing of it");

        fixture.register(delivery, new RecordingProvisioner(toldMail), MAIL, 0);
        awaitLast(toldMail, id, 1);
        assertEquals(SubscriptionState.TERMINATED, toldMail.last(id).orElseThrow().subscription().state());
        Eventually.until("the snapshot gone with its last delivery",
                () -> fixture.base.count("SELECT COUNT(*) FROM subscriptions_removed") == 0);
        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM subscriptions_provisioning"));
        assertEquals(List.of(0L, 1L), told.revisionsOf(id));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aChangeOfServicesAloneReachesTheProvisionerAsANewRevision_S3(DatabaseKind kind) {
        startWithWeb(kind);
        String id = fixture.base.subscription(client(), "Shop", "website www.shop.example").id();
        awaitLast(told, id, 0);
        // The worker records the delivery after the call: the transaction below, which waits for its rounds, must not lock that row first.
        Eventually.until("the first delivery recorded", () -> "delivered".equals(fixture.entry(id, WEB).state()));

        List<SubscribedService> services = List.of(new SubscribedService("website", "www.shop.example"),
                new SubscribedService("mailbox", "info@shop.example"));
        fixture.base.database.runInTransaction(connection -> {
            fixture.base.subscriptions.change(fixture.base.operator(), id, null,
                    new SubscriptionChange(null, null, null, null, services));
            fullRound(delivery, WEB);
            assertEquals(List.of(0L), told.revisionsOf(id), "nothing is delivered before the change commits");
        });

        awaitLast(told, id, 1);
        assertEquals(services, told.last(id).orElseThrow().subscription().services());
        assertEquals(SubscriptionState.ACTIVE, told.last(id).orElseThrow().subscription().state());

        fixture.base.subscriptions.change(fixture.base.operator(), id, null,
                new SubscriptionChange("Shop Plus", null, null, null, services));
        fixture.suspend(id);
        awaitLast(told, id, 2);
        assertEquals(List.of(0L, 1L, 2L), told.revisionsOf(id), "the same services again and a new plan owe no revision");
        assertEquals(SubscriptionState.SUSPENDED, told.last(id).orElseThrow().subscription().state());
    }

    /** The fixture with one delivery and the provisioner {@value ProvisioningFixture#WEB} registered. */
    private void startWithWeb(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        delivery = fixture.delivery();
        fixture.register(delivery, web, WEB, 0);
    }

    private ClientDetails client() {
        return fixture.base.client("Shop", "shopowner");
    }

    private static void awaitLast(Deliveries told, String id, long revision) {
        Eventually.until(id + " delivered at revision " + revision,
                () -> told.last(id).map(Provisioning::revision).orElse(-1L) == revision);
    }

    private void awaitAttempts(String id, int attempts) {
        Eventually.until(attempts + " attempts", () -> {
            List<ProvisioningItem> items = fixture.overview.list(fixture.base.operator(), null, PageRequest.of(null, null))
                    .items();
            return items.stream().anyMatch(item -> item.subscriptionId().equals(id) && item.attempts() == attempts);
        });
    }

    private ProvisioningItem only() {
        List<ProvisioningItem> items = fixture.overview.list(fixture.base.operator(), null, PageRequest.of(null, null)).items();
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
