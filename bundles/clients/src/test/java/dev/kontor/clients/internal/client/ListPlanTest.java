package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.Ids;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The list stays fast at 100,000 clients (C3) because every page is a range scan of an
 * index that already has the rows in the page's order: no database reads all matching
 * rows to sort them. Checked on the plans both databases make for a page after a cursor,
 * for every order and filter the list offers.
 */
class ListPlanTest {

    private static final int CLIENTS = 3000;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyOrderAndFilterReadsAnIndexInOrderWithoutSorting_C3(DatabaseKind kind) {
        try (ClientsFixture fixture = new ClientsFixture(kind)) {
            fixture.database.runInTransaction(connection -> {
                for (int i = 0; i < CLIENTS; i++) {
                    ClientStore.insert(connection, new ClientDetails(Ids.newId("cl"), "org_" + i,
                            i % 3 == 0 ? null : "org_r" + i % 7, "name" + i, null, "mail" + i + "@example.com", null, null, "en",
                            null, null, i % 50 == 0 ? ClientDetails.SUSPENDED : ClientDetails.ACTIVE, null,
                            Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i), 0));
                }
                if (kind == DatabaseKind.POSTGRESQL) {
                    try (Statement analyze = connection.createStatement()) {
                        analyze.execute("ANALYZE clients_client");
                    }
                }
            });
            for (String sort : new String[] {"name", "-name", "created_at", "-created_at", "email", "-email"}) {
                String key = sort.replace("-", "").replace("created_at", "created");
                assertPlan(fixture, kind, new ClientFilter(null, null, null, sort), "clients_client_by_" + key);
                assertPlan(fixture, kind, new ClientFilter("name1", null, null, sort), "clients_client_by_" + key);
                assertPlan(fixture, kind, new ClientFilter(null, "suspended", null, sort), "clients_client_state_by_" + key);
                assertPlan(fixture, kind, new ClientFilter(null, null, "org_r3", sort), "clients_client_reseller_by_" + key);
                assertPlan(fixture, kind, new ClientFilter(null, "active", "org_r3", sort), "clients_client_reseller_by_" + key);
                assertPlan(fixture, kind, new ClientFilter(null, null, "operator", sort), "clients_client_");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void searchForARareWordStartReadsOnlyTheMatchingWordsOfTheTermIndex_C3(DatabaseKind kind) {
        try (ClientsFixture fixture = new ClientsFixture(kind)) {
            fixture.database.runInTransaction(connection -> {
                for (int i = 0; i < CLIENTS; i++) {
                    ClientStore.insert(connection, new ClientDetails(Ids.newId("cl"), "org_" + i, null, "Kundin " + i,
                            i == 7 ? "Müllerei Lüdenscheidt" : "Firma " + i, "mail" + i + "@example.com", null, null, "en",
                            null, null, ClientDetails.ACTIVE, null, Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i), 0));
                }
                if (kind == DatabaseKind.POSTGRESQL) {
                    try (Statement analyze = connection.createStatement()) {
                        analyze.execute("ANALYZE");
                    }
                }
            });
            ClientFilter filter = new ClientFilter("müll", null, null, null);
            PageRequest page = PageRequest.of("20", null);
            assertEquals(List.of("Kundin 7"), fixture.clients.list(fixture.operator(), filter, page).items().stream()
                    .map(ClientDetails::name).toList());
            String plan = plan(fixture, filter, page, true);
            if (kind == DatabaseKind.H2) {
                assertTrue(plan.contains("clients_search_term") && plan.contains("term >= ?"), plan);
            } else {
                assertTrue(plan.contains("clients_search_term_pkey"), plan);
                assertFalse(plan.contains("seq scan on clients_search_term"), plan);
            }
        }
    }

    private static void assertPlan(ClientsFixture fixture, DatabaseKind kind, ClientFilter filter, String index) {
        String cursor = fixture.clients.list(fixture.operator(), filter, PageRequest.of("20", null)).nextCursor();
        PageRequest page = PageRequest.of("20", cursor);
        String plan = plan(fixture, filter, page, false);
        if (kind == DatabaseKind.H2) {
            assertTrue(plan.contains("/* index sorted */") && plan.contains("public." + index), filter + "\n" + plan);
        } else {
            assertTrue(plan.contains("index scan") && plan.contains(index), filter + "\n" + plan);
            assertFalse(plan.contains("sort") || plan.contains("seq scan"), filter + "\n" + plan);
        }
    }

    /**
     * The plan of the page's statement; {@code narrowed} as {@link ClientList#read} runs it,
     * else as it reads when a query's words match too many clients for the term index.
     */
    private static String plan(ClientsFixture fixture, ClientFilter filter, PageRequest page, boolean narrowed) {
        return fixture.database.inTransaction(connection -> {
            ClientList list = new ClientList(Optional.empty(), filter, page);
            if (narrowed) {
                list.narrowBySearchIndex(connection);
            }
            try (PreparedStatement explain = list.prepare(connection, "EXPLAIN ", page); ResultSet row = explain.executeQuery()) {
                StringBuilder text = new StringBuilder();
                while (row.next()) {
                    text.append(row.getString(1)).append('\n');
                }
                return text.toString().toLowerCase(Locale.ROOT);
            }
        });
    }
}
