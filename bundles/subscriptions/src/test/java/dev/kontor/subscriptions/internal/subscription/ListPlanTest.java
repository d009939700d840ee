package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.Ids;
import dev.kontor.api.subscriptions.SubscriptionState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page of the subscription list is a range scan of an index that has the rows in
 * the page's order: no database reads all matching rows to sort them. Checked on the
 * plans both databases make for a page after a cursor, for each order, alone, with a
 * client and with a state.
 */
class ListPlanTest {

    private static final int SUBSCRIPTIONS = 3000;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyOrderAndFilterReadsAnIndexInOrderWithoutSorting(DatabaseKind kind) {
        try (SubscriptionsFixture fixture = new SubscriptionsFixture(kind)) {
            fixture.database.runInTransaction(connection -> {
                Instant start = Instant.parse("2030-01-01T00:00:00Z");
                for (int i = 0; i < SUBSCRIPTIONS; i++) {
                    SubscriptionState state = i % 40 == 0 ? SubscriptionState.SUSPENDED : SubscriptionState.ACTIVE;
                    SubscriptionStore.insert(connection, new StoredSubscription(Ids.newId("sub"), "cl_" + i % 3, "plan " + i % 97,
                            LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1).plusDays(i % 365), null, false, state, 0, null,
                            null, start.plusSeconds(i), start.plusSeconds(i), 0, List.of()));
                }
                if (kind == DatabaseKind.POSTGRESQL) {
                    try (Statement analyze = connection.createStatement()) {
                        analyze.execute("ANALYZE subscriptions_subscription");
                    }
                }
            });
            for (String sort : new String[] {"created_at", "-created_at", "expires_at", "-expires_at", "plan", "-plan"}) {
                String key = sort.replace("-", "").replace("expires_at", "expiry").replace("created_at", "created");
                assertPlan(fixture, kind, new SubscriptionFilter(null, null, null, sort), "subscriptions_by_" + key);
                assertPlan(fixture, kind, new SubscriptionFilter(null, "cl_1", null, sort), "subscriptions_client_by_" + key);
                assertPlan(fixture, kind, new SubscriptionFilter(null, null, "suspended", sort), "subscriptions_state_by_" + key);
            }
        }
    }

    private static void assertPlan(SubscriptionsFixture fixture, DatabaseKind kind, SubscriptionFilter filter, String index) {
        String cursor = fixture.subscriptions.list(fixture.operator(), filter, PageRequest.of("5", null)).nextCursor();
        PageRequest page = PageRequest.of("5", cursor);
        String plan = fixture.database.inTransaction(connection -> {
            try (PreparedStatement explain = new SubscriptionList(Optional.empty(), filter, page).prepare(connection, "EXPLAIN ",
                    page); ResultSet row = explain.executeQuery()) {
                StringBuilder text = new StringBuilder();
                while (row.next()) {
                    text.append(row.getString(1)).append('\n');
                }
                return text.toString().toLowerCase(Locale.ROOT);
            }
        });
        if (kind == DatabaseKind.H2) {
            assertTrue(plan.contains("/* index sorted */") && plan.contains("public." + index), filter + "\n" + plan);
        } else {
            assertTrue(plan.contains("index scan") && plan.contains(index), filter + "\n" + plan);
            assertFalse(plan.contains("sort") || plan.contains("seq scan"), filter + "\n" + plan);
        }
    }
}
