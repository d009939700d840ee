package dev.kontor.bench.jmh;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientFilter;
import dev.kontor.clients.internal.client.Clients;
import dev.kontor.storage.internal.IdentityCaller;
import dev.kontor.storage.internal.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client list (C3) at 100,000 clients, one page of 50 as {@code GET /api/v1/clients}
 * asks the clients module for it: the operator's list in each order, a page deep in it,
 * one state, one reseller's clients, and searches that match many or few clients.
 * Sample time, so the report gives percentiles (p0.95 is the target's figure).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ClientListBenchmark {

    static final int CLIENTS = 100_000;
    static final int RESELLERS = 100;
    static final int PAGE = 50;
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ida", "Jonas",
        "Kira", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sven", "Tara", "Ulf"};
    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hartmann",
        "Krüger"};
    private static final String[] TRADE = {"Bäckerei", "Design", "Consulting", "Reisen", "Immobilien", "Software", "Praxis",
        "Autohaus", "Verlag", "Studio"};

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind kind;

    private Clients clients;
    private Caller operator;
    private final List<String> cursors = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup
    public void setUp() {
        TestDatabase database = TestDatabase.pooled(kind, "clients", BenchMigrations.of("clients"));
        database.runInTransaction(ClientListBenchmark::populate);
        // The list reads the clients' table only; audit, accounts and listeners are for changes.
        clients = new Clients(database, null, null, null);
        // After the module has written the clients' search words: statistics as a database in use has them.
        database.runInTransaction(connection -> {
            try (PreparedStatement analyze = connection.prepareStatement("ANALYZE")) {
                analyze.execute();
            }
        });
        operator = new IdentityCaller(new Identity(IdentityProvider.OPERATOR_ADMIN_ID, "admin", "Admin",
                IdentityProvider.OPERATOR_ORGANIZATION_ID, List.of(), Set.of("clients.view"), true, "en"), "127.0.0.1");
        String cursor = page(new ClientFilter(null, null, null, null), null).nextCursor();
        for (int page = 1; cursor != null; page++) { // every 20th page's cursor, for pages deep in the list
            if (page % 20 == 0) {
                cursors.add(cursor);
            }
            cursor = page(new ClientFilter(null, null, null, null), cursor).nextCursor();
        }
    }

    private Page<ClientDetails> page(ClientFilter filter, String cursor) {
        return clients.list(operator, filter, PageRequest.of(String.valueOf(PAGE), cursor));
    }

    @Benchmark
    public Page<ClientDetails> firstPageByName() {
        return page(new ClientFilter(null, null, null, null), null);
    }

    @Benchmark
    public Page<ClientDetails> firstPageNewestFirst() {
        return page(new ClientFilter(null, null, null, "-created_at"), null);
    }

    @Benchmark
    public Page<ClientDetails> pageDeepInTheList() {
        return page(new ClientFilter(null, null, null, null), cursors.get(random.nextInt(cursors.size())));
    }

    @Benchmark
    public Page<ClientDetails> suspendedClients() {
        return page(new ClientFilter(null, "suspended", null, null), null);
    }

    @Benchmark
    public Page<ClientDetails> oneResellersClients() {
        return page(new ClientFilter(null, null, "org_reseller_" + random.nextInt(RESELLERS), "email"), null);
    }

    /** Matches about one client in twenty. */
    @Benchmark
    public Page<ClientDetails> searchMatchingMany() {
        return page(new ClientFilter(TRADE[random.nextInt(TRADE.length)].toLowerCase(Locale.ROOT), null, null, null), null);
    }

    /** Matches one client: the whole table is looked through. */
    @Benchmark
    public Page<ClientDetails> searchMatchingOne() {
        return page(new ClientFilter("kunde" + random.nextInt(CLIENTS) + "@", null, null, null), null);
    }

    private static void populate(Connection connection) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO clients_client (id, organization_id, "
                + "reseller_id, name, company, email, language, state, created_at, name_key, email_key, search_text) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'de', ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < CLIENTS; i++) {
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                String company = random.nextInt(3) == 0 ? null
                        : TRADE[random.nextInt(TRADE.length)] + " " + LAST[random.nextInt(LAST.length)] + " GmbH";
                String email = "kunde" + i + "@example.com";
                insert.setString(1, String.format("cl_%08d", i));
                insert.setString(2, String.format("org_client_%08d", i));
                insert.setString(3, random.nextInt(5) == 0 ? "org_reseller_" + random.nextInt(RESELLERS) : null);
                insert.setString(4, name);
                insert.setString(5, company);
                insert.setString(6, email);
                insert.setString(7, random.nextInt(20) == 0 ? "suspended" : "active");
                insert.setTimestamp(8, Timestamp.from(start.plusSeconds(i * 900L)));
                insert.setString(9, name.toLowerCase(Locale.ROOT));
                insert.setString(10, email);
                insert.setString(11, (name + " " + (company == null ? "" : company) + " " + email).toLowerCase(Locale.ROOT));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
