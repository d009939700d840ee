package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.Ids;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.storage.internal.ChosenPermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client list (C3) over a few hundred clients stored directly (creating each with
 * its login would only measure password hashing): sort keys with ties, mixed case, two
 * resellers and the operator's own, some suspended.
 */
class ClientListTest {

    private static final int CLIENTS = 300;
    private static final String RESELLER_A = "org_reseller_a";
    private static final String RESELLER_B = "org_reseller_b";
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @AutoClose
    private ClientsFixture fixture;
    private final List<ClientDetails> stored = new ArrayList<>();

    private void seed(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        for (int i = 0; i < CLIENTS; i++) {
            // Names tie in pairs that differ in case only, and again every 260; times tie in runs of 7; e-mails of one length.
            String name = (i % 2 == 0 ? "Client" : "client") + (char) ('a' + (i / 2) % 13) + (i / 2) % 10;
            String reseller = i % 3 == 0 ? null : i % 3 == 1 ? RESELLER_A : RESELLER_B;
            String state = i % 5 == 0 ? ClientDetails.SUSPENDED : ClientDetails.ACTIVE;
            stored.add(new ClientDetails(Ids.newId("cl"), "org_client_" + i, reseller, name, i % 4 == 0 ? "Firma " + i : null,
                    String.format(Locale.ROOT, "%s%03d@example.com", i % 2 == 0 ? "MAIL" : "mail", (i * 7) % CLIENTS), null, null,
                    "en", null, "internal " + i, state, null, START.plusSeconds(i / 7), 0));
        }
        fixture.database.runInTransaction(connection -> {
            for (ClientDetails client : stored) {
                ClientStore.insert(connection, client);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pagingThroughEveryOrderGivesEachClientOnceInOrder_C3(DatabaseKind kind) {
        seed(kind);
        Comparator<ClientDetails> byName = Comparator.comparing(client -> client.name().toLowerCase(Locale.ROOT));
        Comparator<ClientDetails> byCreation = Comparator.comparing(ClientDetails::createdAt);
        Comparator<ClientDetails> byEmail = Comparator.comparing(client -> client.email().toLowerCase(Locale.ROOT));
        assertOrder("name", byName.thenComparing(ClientDetails::id));
        assertOrder("-name", byName.thenComparing(ClientDetails::id).reversed());
        assertOrder("created_at", byCreation.thenComparing(ClientDetails::id));
        assertOrder("-created_at", byCreation.thenComparing(ClientDetails::id).reversed());
        assertOrder("email", byEmail.thenComparing(ClientDetails::id));
        assertOrder("-email", byEmail.thenComparing(ClientDetails::id).reversed());
    }

    private void assertOrder(String sort, Comparator<ClientDetails> order) {
        List<String> expected = stored.stream().sorted(order).map(ClientDetails::id).toList();
        List<String> paged = all(fixture.operator(), new ClientFilter(null, null, null, sort), 37);
        assertEquals(expected, paged, sort);
        assertEquals(expected, ids(fixture.clients.list(fixture.operator(), new ClientFilter(null, null, null, sort),
                PageRequest.of("500", null)).items()), sort);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void searchFindsWordStartsOfNameCompanyOrEmailIgnoringCaseAndTakesPatternCharactersLiterally_C3(DatabaseKind kind) {
        seed(kind);
        ClientDetails water = new ClientDetails(Ids.newId("cl"), "org_special", null, "100% Pure_Water", "Müller-Lüdenscheidt",
                "water@example.com", null, null, "en", null, null, ClientDetails.ACTIVE, null, START, 0);
        fixture.database.runInTransaction(connection -> ClientStore.insert(connection, water));

        assertEquals(expectedIds(client -> client.name().toLowerCase(Locale.ROOT).startsWith("clientb")),
                sorted(all(fixture.operator(), new ClientFilter("CLIENTb", null, null, null), 10)));
        assertEquals(expectedIds(client -> client.company() != null && client.company().startsWith("Firma 12")),
                sorted(all(fixture.operator(), new ClientFilter("firma 12", null, null, null), 10)));
        assertEquals(expectedIds(client -> client.company() != null && client.company().startsWith("Firma 12")),
                sorted(all(fixture.operator(), new ClientFilter("12 FIRMA", null, null, null), 10)), "words in any order");
        assertEquals(expectedIds(client -> client.email().equalsIgnoreCase("mail014@example.com")),
                sorted(all(fixture.operator(), new ClientFilter(" Mail014@ ", null, null, null), 10)));
        for (String q : List.of("100% pure", "pure_", "water", "WATER 100", "lüdenscheidt", "müller-lü", "water@ex")) {
            assertEquals(List.of(water.id()), all(fixture.operator(), new ClientFilter(q, null, null, null), 10), q);
        }
        for (String q : List.of("ure", "0% p", "pure%water", "c_ient", "100% wine")) {
            assertEquals(List.of(), all(fixture.operator(), new ClientFilter(q, null, null, null), 10), q);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWordMatchingManyClientsFindsTheSameAsTheIndexWouldPageByPage_C3(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        int many = ClientList.FEW_MATCHES + 40; // past the point where the list is read in its order instead of the index
        fixture.database.runInTransaction(connection -> {
            for (int i = 0; i < many; i++) {
                ClientDetails client = new ClientDetails(Ids.newId("cl"), "org_many_" + i, null, "Person " + i,
                        i % 10 == 0 ? "Werkstatt " + i + " GmbH" : "Büro " + i + " GmbH", "person" + i + "@example.com", null,
                        null, "en", null, null, ClientDetails.ACTIVE, null, START.plusSeconds(i), 0);
                ClientStore.insert(connection, client);
                stored.add(client);
            }
        });

        assertEquals(expectedIds(client -> client.company().endsWith("GmbH")),
                sorted(all(fixture.operator(), new ClientFilter("gmbh", null, null, "-created_at"), 500)));
        assertEquals(expectedIds(client -> client.company().startsWith("Werkstatt")),
                sorted(all(fixture.operator(), new ClientFilter("gmbh werk", null, null, null), 50)), "the rarer word leads");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void clientsStoredBeforeThereWereSearchWordsGetThemWhenTheModuleStarts_C3(DatabaseKind kind) {
        seed(kind);
        fixture.database.runInTransaction(connection -> {
            try (var forget = connection.prepareStatement("DELETE FROM clients_search_term WHERE client_id IN "
                    + "(SELECT id FROM clients_client WHERE name_key LIKE 'clientb%')")) {
                forget.executeUpdate();
            }
        });
        assertEquals(List.of(), all(fixture.operator(), new ClientFilter("clientb", null, null, null), 10));

        Clients restarted = new Clients(fixture.database, fixture.audit, fixture.accounts, fixture.listeners);

        assertEquals(expectedIds(client -> client.name().toLowerCase(Locale.ROOT).startsWith("clientb")),
                sorted(ids(restarted.list(fixture.operator(), new ClientFilter("clientb", null, null, null),
                        PageRequest.of("500", null)).items())));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void filtersByStateAndResellerCombineWithSearchAndPaging_C3(DatabaseKind kind) {
        seed(kind);

        assertEquals(expectedIds(ClientDetails::suspended),
                sorted(all(fixture.operator(), new ClientFilter(null, "suspended", null, "-created_at"), 9)));
        assertEquals(expectedIds(client -> !client.suspended() && RESELLER_A.equals(client.resellerId())),
                sorted(all(fixture.operator(), new ClientFilter(null, "active", RESELLER_A, "email"), 11)));
        assertEquals(expectedIds(client -> client.resellerId() == null),
                sorted(all(fixture.operator(), new ClientFilter(null, null, "operator", "-name"), 13)));
        assertEquals(expectedIds(client -> RESELLER_B.equals(client.resellerId())
                && client.name().toLowerCase(Locale.ROOT).startsWith("clientc")),
                sorted(all(fixture.operator(), new ClientFilter("clientc", null, RESELLER_B, null), 5)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellersStaffListOnlyTheirOwnClientsWhateverTheyFilter_C3(DatabaseKind kind) {
        seed(kind);
        Caller resellerStaff = new ChosenPermissions(new OrganizationCaller(RESELLER_A), ClientsPermissions.VIEW);

        List<String> own = expectedIds(client -> RESELLER_A.equals(client.resellerId()));
        assertEquals(own, sorted(all(resellerStaff, new ClientFilter(null, null, null, null), 50)));
        assertEquals(own, sorted(all(resellerStaff, new ClientFilter(null, null, RESELLER_A, null), 50)));
        assertTrue(all(resellerStaff, new ClientFilter(null, null, RESELLER_B, null), 50).isEmpty());
        assertTrue(all(resellerStaff, new ClientFilter(null, null, "operator", null), 50).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theListShowsDescriptionsOnlyToStaffHoldingClientsInternal_C2(DatabaseKind kind) {
        seed(kind);
        Caller basicStaff = fixture.staff("basic");

        List<ClientDetails> withInternal = fixture.clients.list(fixture.operator(), new ClientFilter(null, null, null, null),
                PageRequest.of("500", null)).items();
        List<ClientDetails> withoutInternal = fixture.clients.list(basicStaff, new ClientFilter(null, null, null, null),
                PageRequest.of("500", null)).items();

        assertTrue(withInternal.stream().allMatch(client -> client.description().startsWith("internal ")));
        assertEquals(CLIENTS, withoutInternal.size());
        withoutInternal.forEach(client -> assertNull(client.description()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badListParametersAreFieldErrorsNeverDatabaseErrors_C3(DatabaseKind kind) {
        seed(kind);
        Caller operator = fixture.operator();
        String nameCursor = fixture.clients.list(operator, new ClientFilter(null, null, null, "name"), PageRequest.of("2", null))
                .nextCursor();

        assertField("sort", () -> list(operator, new ClientFilter(null, null, null, "password"), null));
        assertField("sort", () -> list(operator, new ClientFilter(null, null, null, "-"), null));
        assertField("state", () -> list(operator, new ClientFilter(null, "deleted", null, null), null));
        assertField("reseller_id", () -> list(operator, new ClientFilter(null, null, "org\u0000x", null), null));
        assertField("q", () -> list(operator, new ClientFilter("a\u0000b", null, null, null), null));
        assertField("q", () -> list(operator, new ClientFilter("x".repeat(201), null, null, null), null));
        assertField("q", () -> list(operator, new ClientFilter("a b c d e f", null, null, null), null));
        assertField("cursor", () -> list(operator, new ClientFilter(null, null, null, "email"), nameCursor));
        assertField("cursor", () -> list(operator, new ClientFilter(null, null, null, "-name"), nameCursor));
        assertField("cursor", () -> list(operator, new ClientFilter(null, null, null, "created_at"),
                PageRequest.encode("created_at\nyesterday\ncl_1")));
        assertField("cursor", () -> list(operator, new ClientFilter(null, null, null, "name"),
                PageRequest.encode("name\na\u0000b\ncl_1")));
        assertField("cursor", () -> list(operator, new ClientFilter(null, null, null, "name"), "%%%"));
        assertField("limit", () -> fixture.clients.list(operator, new ClientFilter(null, null, null, null),
                PageRequest.of("0", null)));
    }

    private Page<ClientDetails> list(Caller caller, ClientFilter filter, String cursor) {
        return fixture.clients.list(caller, filter, PageRequest.of("10", cursor));
    }

    private static void assertField(String field, Runnable request) {
        ValidationException invalid = assertThrows(ValidationException.class, request::run);
        assertEquals(field, invalid.errors().get(0).field());
    }

    /** Every page of the list, following the cursors. */
    private List<String> all(Caller caller, ClientFilter filter, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<ClientDetails> page = fixture.clients.list(caller, filter, PageRequest.of(String.valueOf(limit), cursor));
            assertTrue(page.items().size() <= limit);
            ids.addAll(ids(page.items()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private List<String> expectedIds(java.util.function.Predicate<ClientDetails> filter) {
        return stored.stream().filter(filter).map(ClientDetails::id).sorted().toList();
    }

    private static List<String> ids(List<ClientDetails> clients) {
        return clients.stream().map(ClientDetails::id).toList();
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    /** Someone acting in an organization that is not the operator's. */
    private record OrganizationCaller(String organizationId) implements Caller {

        @Override
        public String getName() {
            return "staff";
        }

        @Override
        public String userId() {
            return "usr_staff";
        }

        @Override
        public String username() {
            return "staff";
        }

        @Override
        public Locale locale() {
            return Locale.ENGLISH;
        }

        @Override
        public boolean has(String permission) {
            return false;
        }

        @Override
        public String sourceAddress() {
            return ClientsFixture.SOURCE_ADDRESS;
        }

        @Override
        public boolean isOperator() {
            return false;
        }
    }
}
