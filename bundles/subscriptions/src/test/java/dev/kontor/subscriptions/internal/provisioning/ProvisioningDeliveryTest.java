package dev.kontor.subscriptions.internal.provisioning;

import static dev.kontor.subscriptions.internal.provisioning.ProvisioningFixture.WEB;
import static dev.kontor.subscriptions.internal.provisioning.ProvisioningFixture.fullRound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.subscriptions.Provisioning;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.SubscriptionState;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.subscriptions.internal.subscription.SubscriptionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Delivery of subscriptions' effective states to provisioners (S3): after commit, at
 * least once, in revision order, with retries, to provisioners registered late or again,
 * from two panel nodes over one database, and with no thread left when it stops.
 */
class ProvisioningDeliveryTest {

    @AutoClose
    private ProvisioningFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStateChangeReachesTheProvisionerAfterItsCommitAndNotBefore_S3(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        Deliveries told = new Deliveries();
        ProvisioningDelivery delivery = fixture.delivery();
        fixture.register(delivery, new RecordingProvisioner(told), WEB, 0);
        SubscriptionView subscription = fixture.base.subscription(client(), "Basic", "website www.shop.example");
        String id = subscription.id();

        Eventually.until("the new subscription delivered", () -> told.last(id).isPresent());
        Provisioning created = told.last(id).orElseThrow();
        assertEquals(0, created.revision());
        assertEquals(SubscriptionState.ACTIVE, created.subscription().state());
        assertEquals(List.of(new SubscribedService("website", "www.shop.example")), created.subscription().services());
        // The worker records the delivery after the call: a transaction that waits for its rounds must not hold that row first.
        Eventually.until("the first delivery recorded", () -> "delivered".equals(fixture.entry(id, WEB).state()));

        fixture.base.database.runInTransaction(connection -> {
            fixture.suspend(id);
            fullRound(delivery, WEB);
            assertEquals(List.of(0L), told.revisionsOf(id), "nothing is delivered before the change commits");
        });

        Eventually.until("the suspension delivered", () -> told.revisionsOf(id).size() == 2);
        Provisioning suspended = told.last(id).orElseThrow();
        assertEquals(1, suspended.revision());
        assertEquals(SubscriptionState.SUSPENDED, suspended.subscription().state());
        Eventually.until("the ledger records it", () -> "delivered".equals(fixture.entry(id, WEB).state()));
        assertEquals(new ProvisioningEntry(WEB, 1, 1L, "delivered", null, 0), fixture.entry(id, WEB));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStateChangeRolledBackNeverReachesTheProvisioner_S3(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        Deliveries told = new Deliveries();
        ProvisioningDelivery delivery = fixture.delivery();
        fixture.register(delivery, new RecordingProvisioner(told), WEB, 0);
        String id = fixture.base.subscription(client(), "Basic").id();
        Eventually.until("the new subscription delivered", () -> told.last(id).isPresent());

        assertThrows(IllegalStateException.class, () -> fixture.base.database.runInTransaction(connection -> {
            fixture.suspend(id);
            throw new IllegalStateException("a later part of the change fails");
        }));
        fullRound(delivery, WEB);

        assertEquals(List.of(0L), told.revisionsOf(id));
        assertEquals("active", fixture.base.read(id).state());
        assertEquals(new ProvisioningEntry(WEB, 0, 0L, "delivered", null, 0), fixture.entry(id, WEB));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aThrowingProvisionerIsRetriedWithGrowingPausesShownFailingAndRecovers_S3(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        Deliveries told = new Deliveries();
        RecordingProvisioner web = new RecordingProvisioner(told);
        web.failWith("web server unreachable");
        ProvisioningDelivery delivery = fixture.delivery();
        fixture.register(delivery, web, WEB, 0);
        String id = fixture.base.subscription(client(), "Basic").id();

        awaitAttempts(id, 1);
        assertEquals(new ProvisioningEntry(WEB, 0, null, "pending", "java.io.IOException: web server unreachable", 1),
                fixture.entry(id, WEB));
        fixture.base.clock.advance(Duration.ofSeconds(9));
        fullRound(delivery, WEB);
        assertEquals(1, fixture.entry(id, WEB).attempts(), "not retried before the first pause (10 s) is over");

        fixture.base.clock.advance(Duration.ofSeconds(1));
        delivery.wakeAll();
        awaitAttempts(id, 2);
        fixture.base.clock.advance(Duration.ofSeconds(19));
        fullRound(delivery, WEB);
        assertEquals(2, fixture.entry(id, WEB).attempts(), "the second pause is twice the first");

        fixture.base.clock.advance(Duration.ofSeconds(1));
        delivery.wakeAll();
        awaitAttempts(id, 3);
        assertEquals("failing", fixture.entry(id, WEB).state(), "failing after the configured 3 attempts");
        ProvisioningItem failing = onlyFailure();
        assertEquals(failing.lastAttemptAt().plus(Duration.ofSeconds(60)), failing.nextAttemptAt(),
                "a failing delivery is retried at the longest pause");

        fixture.base.clock.advance(Duration.ofSeconds(60));
        delivery.wakeAll();
        awaitAttempts(id, 4);
        assertEquals("failing", fixture.entry(id, WEB).state(), "it stays failing while it fails");

        web.failWith(null);
        fixture.base.clock.advance(Duration.ofSeconds(60));
        delivery.wakeAll();
        Eventually.until("the recovery recorded", () -> "delivered".equals(fixture.entry(id, WEB).state()));
        assertEquals(new ProvisioningEntry(WEB, 0, 0L, "delivered", null, 0), fixture.entry(id, WEB));
        assertEquals(List.of(0L), told.revisionsOf(id));
        assertEquals(5, told.calls());
        assertTrue(fixture.overview.list(fixture.base.operator(), "failing", PageRequest.of(null, null))
                .items().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aProvisionerRegisteredLaterReceivesTheCurrentStateOfEverySubscriptionAndAgainOnlyWhatItMissed_S3(
            DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        ProvisioningDelivery delivery = fixture.delivery();
        ClientDetails client = client();
        String active = fixture.base.subscription(client, "Active").id();
        String suspended = fixture.base.subscription(client, "Suspended").id();
        fixture.suspend(suspended);
        String terminated = fixture.base.subscription(client, "Terminated").id();
        fixture.base.subscriptions.terminate(fixture.base.operator(), terminated, "moved away");
        String resumed = fixture.base.subscription(client, "Resumed").id();
        fixture.lift(resumed, fixture.suspend(resumed));
        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM subscriptions_provisioning"),
                "no provisioner was ever registered: state changes owe nothing");

        Deliveries told = new Deliveries();
        RecordingProvisioner web = new RecordingProvisioner(told);
        Map<String, Object> properties = fixture.register(delivery, web, WEB, 0);

        Eventually.until("every subscription delivered", () -> told.subscriptions().size() == 4);
        assertDelivered(told, active, SubscriptionState.ACTIVE, List.of(0L));
        assertDelivered(told, suspended, SubscriptionState.SUSPENDED, List.of(1L));
        assertDelivered(told, terminated, SubscriptionState.TERMINATED, List.of(1L));
        assertDelivered(told, resumed, SubscriptionState.ACTIVE, List.of(2L));

        delivery.removeProvisioner(web, properties);
        fixture.suspend(active);
        assertEquals(new ProvisioningEntry(WEB, 1, 0L, "pending", null, 0), fixture.entry(active, WEB),
                "a known provisioner that is away is still owed the change");
        fixture.register(delivery, new RecordingProvisioner(told), WEB, 0);

        Eventually.until("the missed change delivered", () -> told.revisionsOf(active).size() == 2);
        fullRound(delivery, WEB);
        assertDelivered(told, active, SubscriptionState.SUSPENDED, List.of(0L, 1L));
        assertEquals(List.of(1L), told.revisionsOf(suspended), "what it had taken is not delivered again");
        assertEquals(List.of(1L), told.revisionsOf(terminated));
        assertEquals(List.of(2L), told.revisionsOf(resumed));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rowsAChangeLeftOutAtAFirstRegistrationAreCompletedWhileItSettlesAndNotAfter_S3(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        Deliveries told = new Deliveries();
        Duration poll = Duration.ofMinutes(1);
        ProvisioningDelivery delivery = fixture.delivery(new DeliverySettings(3, Duration.ofSeconds(10),
                Duration.ofSeconds(60), poll, Duration.ofMinutes(5)));
        fixture.register(delivery, new RecordingProvisioner(told), WEB, 0);
        String id = fixture.base.subscription(client(), "Basic").id();
        Eventually.until("delivered", () -> told.last(id).isPresent());

        // What a change that read the provisioners just before this one was known leaves: no row.
        String forget = "DELETE FROM subscriptions_provisioning WHERE subscription_id = '" + id + "'";
        fixture.base.database.runInTransaction(connection -> connection.createStatement().executeUpdate(forget));
        fixture.base.clock.advance(poll);
        delivery.wakeAll();
        Eventually.until("delivered again", () -> told.revisionsOf(id).size() == 2);

        fixture.base.database.runInTransaction(connection -> connection.createStatement().executeUpdate(forget));
        fixture.base.clock.advance(ProvisionerWorker.SETTLE);
        fullRound(delivery, WEB);
        assertEquals(0, fixture.base.count("SELECT COUNT(*) FROM subscriptions_provisioning"),
                "once settled, rounds no longer scan every subscription");
        assertEquals(List.of(0L, 0L), told.revisionsOf(id));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoPanelNodesDeliverEveryRevisionNeverTwiceAtOnceForOneSubscription_S3(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        Deliveries told = new Deliveries();
        ProvisioningDelivery nodeA = fixture.delivery();
        ProvisioningDelivery nodeB = fixture.delivery();
        fixture.register(nodeA, new RecordingProvisioner(told), WEB, 0);
        fixture.register(nodeB, new RecordingProvisioner(told), WEB, 0);
        ClientDetails client = client();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(fixture.base.subscription(client, "Plan " + i).id());
        }
        Eventually.until("every new subscription delivered", () -> told.subscriptions().size() == ids.size());

        // Paced: each change is delivered before the next, so every revision must arrive.
        List<String> holds = new ArrayList<>();
        for (String id : ids) {
            holds.add(fixture.suspend(id));
        }
        awaitRevision(told, ids, 1);
        for (int i = 0; i < ids.size(); i++) {
            fixture.lift(ids.get(i), holds.get(i));
        }
        awaitRevision(told, ids, 2);
        for (String id : ids) {
            List<Long> revisions = told.revisionsOf(id);
            assertEquals(List.of(0L, 1L, 2L), revisions.stream().distinct().toList(), "every revision of " + id);
        }

        // A burst: changes faster than delivery may be folded into the latest, never out of order.
        for (int round = 0; round < 3; round++) {
            for (String id : ids) {
                fixture.lift(id, fixture.suspend(id));
            }
        }
        awaitRevision(told, ids, 8);
        for (String id : ids) {
            List<Long> revisions = told.revisionsOf(id);
            for (int i = 1; i < revisions.size(); i++) {
                assertTrue(revisions.get(i) >= revisions.get(i - 1), "in revision order: " + revisions);
            }
            Eventually.until("the ledger records " + id, () -> "delivered".equals(fixture.entry(id, WEB).state()));
        }
        assertEquals(0, told.overlaps(), "one subscription was never delivered twice at once");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theHighestRankingProvisionerOfANameIsCalledAndTheNextTakesOverWhenItGoes_S3(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        Deliveries toldLow = new Deliveries();
        Deliveries toldHigh = new Deliveries();
        RecordingProvisioner high = new RecordingProvisioner(toldHigh);
        ProvisioningDelivery delivery = fixture.delivery();
        fixture.register(delivery, new RecordingProvisioner(toldLow), WEB, 1);
        Map<String, Object> highProperties = fixture.properties(WEB, 5);
        delivery.addProvisioner(high, highProperties);
        String id = fixture.base.subscription(client(), "Basic").id();

        Eventually.until("delivered", () -> toldHigh.last(id).isPresent());
        delivery.removeProvisioner(high, highProperties);
        fixture.suspend(id);

        Eventually.until("delivered to the one left", () -> toldLow.last(id).isPresent());
        assertEquals(List.of(1L), toldLow.revisionsOf(id));
        assertEquals(List.of(0L), toldHigh.revisionsOf(id));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void stoppingTheDeliveryLeavesNoThreadBehind_S3(DatabaseKind kind) {
        fixture = new ProvisioningFixture(kind);
        ProvisioningDelivery delivery = fixture.delivery();
        fixture.register(delivery, new RecordingProvisioner(new Deliveries()), "test.stop-web", 0);
        RecordingProvisioner mail = new RecordingProvisioner(new Deliveries());
        Map<String, Object> mailProperties = fixture.register(delivery, mail, "test.stop-mail", 0);
        assertTrue(threadOf("test.stop-web") && threadOf("test.stop-mail"), "a thread per provisioner name");

        delivery.removeProvisioner(mail, mailProperties);
        assertFalse(threadOf("test.stop-mail"), "the last of a name gone, its thread is gone");
        delivery.stop();

        assertFalse(threadOf("test.stop-web"), "no thread is left once stopped");
        delivery.addProvisioner(mail, fixture.properties("test.stop-mail", 0));
        assertFalse(threadOf("test.stop-mail"), "a stopped delivery starts none");
    }

    private ClientDetails client() {
        return fixture.base.client("Shop", "shopowner");
    }

    private void awaitAttempts(String id, int attempts) {
        Eventually.until(attempts + " attempts", () -> fixture.entry(id, WEB).attempts() == attempts);
    }

    private ProvisioningItem onlyFailure() {
        List<ProvisioningItem> failing = fixture.overview.list(fixture.base.operator(), "failing",
                PageRequest.of(null, null)).items();
        assertEquals(1, failing.size(), failing.toString());
        return failing.get(0);
    }

    private static void awaitRevision(Deliveries told, List<String> ids, long revision) {
        Eventually.until("revision " + revision + " delivered everywhere", () -> ids.stream()
                .allMatch(id -> told.last(id).map(Provisioning::revision).orElse(-1L) == revision));
    }

    private static void assertDelivered(Deliveries told, String id, SubscriptionState state, List<Long> revisions) {
        assertEquals(revisions, told.revisionsOf(id));
        assertEquals(state, told.last(id).orElseThrow().subscription().state());
    }

    /** Whether a delivery thread of the provisioner name is alive. */
    private static boolean threadOf(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith("kontor-provisioning-" + name + "-"));
    }
}
