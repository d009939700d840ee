package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The subscription list: who sees which, filters, orders and keyset paging. */
class SubscriptionListTest {

    @AutoClose
    private SubscriptionsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachCallerListsTheSubscriptionsItReaches(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails shop = fixture.clientOf(agency, "Shop", "shopowner");
        ClientDetails own = fixture.client("Own", "own");
        String agencyOwn = fixture.subscription(agency, "Agency plan").id();
        String shops = fixture.subscription(shop, "Shop plan").id();
        String owns = fixture.subscription(own, "Own plan").id();

        assertEquals(Set.of(agencyOwn, shops, owns), ids(fixture.operator(), new SubscriptionFilter(null, null, null, null)));
        assertEquals(Set.of(agencyOwn, shops), ids(fixture.owner(agency), new SubscriptionFilter(null, null, null, null)));
        assertEquals(Set.of(shops), ids(fixture.owner(shop), new SubscriptionFilter(null, null, null, null)));
        assertEquals(Set.of(shops), ids(fixture.member(shop, "basic"), new SubscriptionFilter(null, null, null, null)));
        assertEquals(Set.of(), ids(fixture.owner(shop), new SubscriptionFilter(null, own.id(), null, null)));
        assertEquals(Set.of(), ids(fixture.owner(agency), new SubscriptionFilter(null, own.id(), null, null)));
        assertEquals(Set.of(shops), ids(fixture.operator(), new SubscriptionFilter(null, shop.id(), null, null)));
        assertEquals(Set.of(), ids(fixture.owner(fixture.client("Nobody", "nobody")), new SubscriptionFilter(null, null, null, null)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void filtersNarrowByStateAndByTextInPlanOrServices(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        String web = fixture.subscription(client, "Web Hosting", "domain shop.example").id();
        String mail = fixture.subscription(client, "Mail", "mailbox info@bakery.example").id();
        String ended = fixture.subscription(client, "Old_Plan").id();
        fixture.holds.place(fixture.operator(), mail, new NewHold("operator", null, null, null));
        fixture.subscriptions.terminate(fixture.operator(), ended, null);
        Caller operator = fixture.operator();

        assertEquals(Set.of(web), ids(operator, new SubscriptionFilter(null, null, "active", null)));
        assertEquals(Set.of(mail), ids(operator, new SubscriptionFilter(null, null, "suspended", null)));
        assertEquals(Set.of(ended), ids(operator, new SubscriptionFilter(null, null, "terminated", null)));
        assertEquals(Set.of(web), ids(operator, new SubscriptionFilter("HOSTING", null, null, null)));
        assertEquals(Set.of(mail), ids(operator, new SubscriptionFilter("bakery", null, null, null)));
        assertEquals(Set.of(ended), ids(operator, new SubscriptionFilter("_", null, null, null)), "LIKE characters are literal");
        assertEquals(Set.of(), ids(operator, new SubscriptionFilter("%", null, null, null)));
        assertEquals("operator", fixture.subscriptions.list(operator, new SubscriptionFilter(null, null, "suspended", null),
                PageRequest.of(null, null)).items().get(0).suspension().reason());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyOrderPagesThroughAllSubscriptionsOnceInOrder(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails other = fixture.client("Other", "other");
        List<SubscriptionView> all = new ArrayList<>();
        String[] plans = {"beta", "Alpha", "gamma", "alpha", "Delta", "beta", "epsilon"};
        for (int i = 0; i < plans.length; i++) {
            all.add(fixture.subscriptions.create(fixture.operator(), new NewSubscription((i % 2 == 0 ? client : other).id(),
                    plans[i], null, fixture.today().plusDays(30 + (i % 3)).toString(), null, null, null)));
        }
        Comparator<SubscriptionView> byId = Comparator.comparing(SubscriptionView::id);
        assertOrder(all, "plan", Comparator.comparing((SubscriptionView s) -> s.plan().toLowerCase()).thenComparing(byId));
        assertOrder(all, "-plan", Comparator.comparing((SubscriptionView s) -> s.plan().toLowerCase()).thenComparing(byId).reversed());
        assertOrder(all, "expires_at", Comparator.comparing(SubscriptionView::expiresAt).thenComparing(byId));
        assertOrder(all, "-expires_at", Comparator.comparing(SubscriptionView::expiresAt).thenComparing(byId).reversed());
        assertOrder(all, "created_at", Comparator.comparing(SubscriptionView::createdAt).thenComparing(byId));
        assertOrder(all, "-created_at", Comparator.comparing(SubscriptionView::createdAt).thenComparing(byId).reversed());
        List<SubscriptionView> ofClient = all.stream().filter(s -> s.clientId().equals(client.id())).toList();
        assertEquals(ofClient.stream().sorted(Comparator.comparing(SubscriptionView::expiresAt).thenComparing(byId))
                .map(SubscriptionView::id).toList(), pages(new SubscriptionFilter(null, client.id(), null, "expires_at")));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void invalidParametersAreRefusedByName(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        Caller operator = fixture.operator();

        assertField("state", () -> fixture.subscriptions.list(operator, new SubscriptionFilter(null, null, "paused", null),
                PageRequest.of(null, null)));
        assertField("sort", () -> fixture.subscriptions.list(operator, new SubscriptionFilter(null, null, null, "price"),
                PageRequest.of(null, null)));
        assertField("client_id", () -> fixture.subscriptions.list(operator, new SubscriptionFilter(null, "x".repeat(41), null,
                null), PageRequest.of(null, null)));
        assertField("cursor", () -> fixture.subscriptions.list(operator, new SubscriptionFilter(null, null, null, "plan"),
                PageRequest.of(null, PageRequest.encode("created_at\n2026-01-01T00:00:00Z\nsub_1"))));
        assertField("cursor", () -> fixture.subscriptions.list(operator, new SubscriptionFilter(null, null, null, null),
                PageRequest.of(null, PageRequest.encode("created_at\nnot a time\nsub_1"))));
        assertField("q", () -> fixture.subscriptions.list(operator, new SubscriptionFilter("a\u0000b", null, null, null),
                PageRequest.of(null, null)));
    }

    private void assertOrder(List<SubscriptionView> all, String sort, Comparator<SubscriptionView> order) {
        assertEquals(all.stream().sorted(order).map(SubscriptionView::id).toList(),
                pages(new SubscriptionFilter(null, null, null, sort)), sort);
    }

    /** Every id of the list, page by page of two. */
    private List<String> pages(SubscriptionFilter filter) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<SubscriptionView> page = fixture.subscriptions.list(fixture.operator(), filter, PageRequest.of("2", cursor));
            page.items().forEach(item -> ids.add(item.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private Set<String> ids(Caller caller, SubscriptionFilter filter) {
        Page<SubscriptionView> page = fixture.subscriptions.list(caller, filter, PageRequest.of(null, null));
        assertNull(page.nextCursor());
        return page.items().stream().map(SubscriptionView::id).collect(Collectors.toSet());
    }

    private static void assertField(String field, Runnable request) {
        ValidationException invalid = assertThrows(ValidationException.class, request::run);
        assertEquals(field, invalid.errors().get(0).field(), invalid.getMessage());
    }
}
