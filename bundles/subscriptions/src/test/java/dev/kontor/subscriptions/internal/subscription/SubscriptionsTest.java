package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.Subscription;
import dev.kontor.api.subscriptions.SubscriptionState;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.storage.internal.ChosenPermissions;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Subscriptions of clients with plan, services, term and price (S1), edited with ETags, terminated for good (S6). */
class SubscriptionsTest {

    @AutoClose
    private SubscriptionsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSubscriptionHoldsPlanServicesTermAndPriceOfOneClient_S1(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");

        Response created = fixture.resource.create(new NewSubscription(client.id(), " Business ", "2026-01-01", "2027-12-31",
                new Price("12.5", "EUR"), List.of(new SubscribedService("domain", "Example.COM"),
                        new SubscribedService("website", "www.example.com"),
                        new SubscribedService("mailbox", "Info@Example.com"),
                        new SubscribedService("domain", "bücher.example")), false),
                SubscriptionsFixture.security(fixture.operator()));

        assertEquals(201, created.getStatus());
        SubscriptionView view = (SubscriptionView) created.getEntity();
        assertEquals("\"v" + view.version() + "\"", created.getEntityTag().toString());
        assertEquals(client.id(), view.clientId());
        assertEquals("Business", view.plan());
        assertEquals("2026-01-01", view.startsAt().toString());
        assertEquals("2027-12-31", view.expiresAt().toString());
        assertEquals(new Price("12.50", "EUR"), view.price());
        assertEquals(1250, view.price().minorUnits());
        assertEquals(List.of(new SubscribedService("domain", "example.com"), new SubscribedService("website", "www.example.com"),
                new SubscribedService("mailbox", "Info@example.com"), new SubscribedService("domain", "xn--bcher-kva.example")),
                view.services());
        assertEquals("active", view.state());
        assertNull(view.suspension());
        assertFalse(view.autoRenew());
        Subscription published = fixture.subscriptionDirectory.find(view.id()).orElseThrow();
        assertEquals(SubscriptionState.ACTIVE, published.state());
        assertEquals(view.services(), published.services());
        assertEquals(List.of(view.id()), fixture.subscriptionDirectory.ofClient(client.id()).stream().map(Subscription::id).toList());
        assertEquals(List.of("created -> active"), fixture.history(view.id()));
        assertTrue(fixture.auditActions().contains("subscriptions.subscription.created"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invalidFieldsAreNamedAllAtOnceAndNothingIsCreated_S1(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        Caller operator = fixture.operator();

        ValidationException invalid = assertThrows(ValidationException.class, () -> fixture.subscriptions.create(operator,
                new NewSubscription(client.id(), "", "2026-13-01", "yesterday", new Price("1.234", "EUR"),
                        List.of(new SubscribedService("ftp", "x"), new SubscribedService("domain", "-bad-.com"),
                                new SubscribedService("mailbox", "no-at-sign"), new SubscribedService("domain", "localhost")),
                        null)));

        assertEquals(List.of("plan", "starts_at", "expires_at", "price.amount", "services[0].kind", "services[1].name",
                "services[2].name", "services[3].name"), invalid.errors().stream().map(ValidationException.FieldError::field).toList());
        assertField("client_id", () -> fixture.subscriptions.create(operator, new NewSubscription("cl_unknown", "Plan", null,
                fixture.today().plusDays(30).toString(), null, null, null)));
        assertField("price.currency", () -> fixture.subscriptions.create(operator, new NewSubscription(client.id(), "Plan", null,
                fixture.today().plusDays(30).toString(), new Price("1", "eur"), null, null)));
        assertField("expires_at", () -> fixture.subscriptions.create(operator, new NewSubscription(client.id(), "Plan", null,
                fixture.today().minusDays(1).toString(), null, null, null)));
        assertField("services[1].name", () -> fixture.subscriptions.create(operator, new NewSubscription(client.id(), "Plan",
                null, fixture.today().plusDays(30).toString(), null, List.of(new SubscribedService("domain", "a.example"),
                        new SubscribedService("domain", "A.example.")), null)));
        assertField("auto_renew", () -> fixture.subscriptions.create(operator, new NewSubscription(client.id(), "Plan", null,
                fixture.today().plusDays(AutoRenewal.DAYS_BEFORE_EXPIRY - 1).toString(), null, null, true)));
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM subscriptions_subscription"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void autoRenewalCanBeOnFromTheStartWhenExpiryIsFourteenDaysAwayOrMore_S5(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");

        SubscriptionView view = fixture.subscriptions.create(fixture.operator(), new NewSubscription(client.id(), "Plan", null,
                fixture.today().plusDays(AutoRenewal.DAYS_BEFORE_EXPIRY).toString(), null, null, true));

        assertTrue(view.autoRenew());
        assertTrue(fixture.subscriptionDirectory.find(view.id()).orElseThrow().autoRenew());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void editingChangesTheFieldsGivenOnlyForTheVersionSeen_S1(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        SubscriptionView view = fixture.subscription(client, "Basic", "domain example.com");
        Caller operator = fixture.operator();

        Response changed = fixture.resource.change(view.id(), new SubscriptionChange("Premium", null, null, new Price("20", "USD"),
                List.of(new SubscribedService("domain", "example.org"))), "\"v" + view.version() + "\"",
                SubscriptionsFixture.security(operator));

        SubscriptionView after = (SubscriptionView) changed.getEntity();
        assertEquals("Premium", after.plan());
        assertEquals(view.expiresAt(), after.expiresAt());
        assertEquals(new Price("20.00", "USD"), after.price());
        assertEquals(List.of(new SubscribedService("domain", "example.org")), after.services());
        assertNotEquals(view.version(), after.version());
        assertThrows(StaleVersionException.class, () -> fixture.subscriptions.change(operator, view.id(),
                "\"v" + view.version() + "\"", new SubscriptionChange("Other", null, null, null, null)));
        assertField("expires_at", () -> fixture.subscriptions.change(operator, view.id(), null,
                new SubscriptionChange(null, null, view.startsAt().minusDays(1).toString(), null, null)));
        assertEquals(List.of("created -> active", "changed -> active"), fixture.history(view.id()));
        assertEquals("Premium", fixture.read(view.id()).plan());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void terminationIsFinalAndKeepsRecordAndHistory_S6(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        SubscriptionView view = fixture.subscription(client, "Basic", "domain example.com");
        Caller operator = fixture.operator();
        HoldView hold = fixture.holds.place(operator, view.id(), new NewHold("operator", "Call us", null, null));

        Response terminated = fixture.resource.terminate(view.id(), new Termination("contract ended"), null,
                SubscriptionsFixture.security(operator));

        SubscriptionView after = (SubscriptionView) terminated.getEntity();
        assertEquals("terminated", after.state());
        assertNull(after.suspension());
        assertEquals(SubscriptionState.TERMINATED, fixture.subscriptionDirectory.find(view.id()).orElseThrow().state());
        assertEquals(Outcome.UNCHANGED, fixture.subscriptions.terminate(operator, view.id(), null));
        assertEquals(409, assertThrows(ProblemException.class, () -> fixture.subscriptions.change(operator, view.id(), null,
                new SubscriptionChange("Other", null, null, null, null))).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> fixture.holds.place(operator, view.id(),
                new NewHold("abuse", null, null, null))).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> fixture.holds.lift(operator, view.id(), hold.id(), null))
                .status());
        fixture.suspendClientAndBack(client);
        assertEquals("terminated", fixture.read(view.id()).state());
        assertTrue(fixture.holdsOf(view.id()).get(0).inForce(), "the holds stay as they were");
        assertEquals(List.of("created -> active", "placed operator -> suspended", "terminated -> terminated"),
                fixture.history(view.id()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSystemTerminatesOnceAndIsNamedInTheHistory_S4_S6(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        SubscriptionView view = fixture.subscription(client, "Basic");

        assertEquals(Outcome.DONE, fixture.subscriptions.terminateBySystem(view.id(), "invoice 7 unpaid"));
        assertEquals(Outcome.UNCHANGED, fixture.subscriptions.terminateBySystem(view.id(), "again"));
        assertEquals(Outcome.UNCHANGED, fixture.subscriptions.terminateBySystem("sub_unknown", null));

        assertEquals("terminated", fixture.read(view.id()).state());
        HistoryEntry last = fixture.subscriptions.history(fixture.operator(), view.id(), PageRequest.of(null, null)).items().get(0);
        assertEquals("system", last.actor());
        assertEquals("invoice 7 unpaid", last.note());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void staffWithoutManageCannotCreateEditOrTerminate(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        SubscriptionView view = fixture.subscription(client, "Basic");
        Caller viewer = fixture.staff("basic");

        assertEquals(403, assertThrows(ProblemException.class, () -> fixture.subscriptions.create(viewer,
                new NewSubscription(client.id(), "Plan", null, fixture.today().plusDays(30).toString(), null, null, null)))
                .status());
        assertEquals(403, assertThrows(ProblemException.class, () -> fixture.subscriptions.change(viewer, view.id(), null,
                new SubscriptionChange("Other", null, null, null, null))).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> fixture.subscriptions.terminate(viewer, view.id(), null))
                .status());
        assertEquals("Basic", fixture.subscriptions.read(viewer, view.id()).orElseThrow().plan());
        assertEquals("active", fixture.read(view.id()).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theHistoryIsForStaffOnly(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        SubscriptionView view = fixture.subscription(client, "Basic");

        assertEquals(403, assertThrows(ProblemException.class, () -> fixture.subscriptions.history(fixture.owner(client),
                view.id(), PageRequest.of(null, null))).status());
        assertThrows(NotFoundException.class, () -> fixture.subscriptions.history(fixture.owner(fixture.client("Other", "other")),
                view.id(), PageRequest.of(null, null)));
        assertTrue(new ChosenPermissions(fixture.operator(), SubscriptionsPermissions.VIEW).has(SubscriptionsPermissions.VIEW));
    }

    private static void assertField(String field, Runnable request) {
        ValidationException invalid = assertThrows(ValidationException.class, request::run);
        assertEquals(field, invalid.errors().get(0).field(), invalid.getMessage());
    }
}
