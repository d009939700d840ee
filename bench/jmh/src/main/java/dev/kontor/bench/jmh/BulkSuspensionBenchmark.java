package dev.kontor.bench.jmh;

import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.clients.internal.client.BulkActions;
import dev.kontor.clients.internal.client.BulkRequest;
import dev.kontor.clients.internal.client.BulkResult;
import dev.kontor.clients.internal.client.ClientDirectoryService;
import dev.kontor.clients.internal.client.Clients;
import dev.kontor.clients.internal.client.LifecycleListeners;
import dev.kontor.idempotency.internal.ModuleIdempotentRequests;
import dev.kontor.storage.internal.IdentityCaller;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.subscriptions.internal.cascade.ClientCascade;
import dev.kontor.subscriptions.internal.subscription.SubscriptionScope;
import dev.kontor.subscriptions.internal.subscription.Subscriptions;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.account.UsersAccounts;
import dev.kontor.users.internal.login.Logins;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code POST /api/v1/clients/bulk} suspending 10,000 clients with 50,000 subscriptions
 * (C3, C4, S2), as the clients module does it: per client one transaction that
 * suspends its account in the users module, places a cascade hold on each of its
 * subscriptions through the subscriptions module's listener, and audits both. Before
 * each measured run every client is activated again (not measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class BulkSuspensionBenchmark {

    static final int CLIENTS = 10_000;
    static final int SUBSCRIPTIONS_PER_CLIENT = 5;

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind kind;

    private BulkActions bulk;
    private Caller operator;
    private final List<String> ids = new ArrayList<>();

    @Setup
    public void setUp() {
        TestDatabase database = BenchMigrations.database(kind, "users", "audit", "idempotency", "clients", "subscriptions");
        database.runInTransaction(Logins::ensureOperatorAdmin);
        database.runInTransaction(connection -> populate(connection, ids));
        Clock clock = Clock.systemUTC();
        AuditLogService audit = new AuditLogService(database);
        DeclaredPermissions declared = new DeclaredPermissions();
        Access access = new Access(database, new AccessQuery(declared, clock), 60_000, clock);
        UsersAccounts accounts = new UsersAccounts(database, audit, access, declared, 10, clock);
        LifecycleListeners listeners = new LifecycleListeners();
        Clients clients = new Clients(database, audit, accounts, listeners);
        ClientDirectoryService directory = new ClientDirectoryService(database, accounts);
        Subscriptions subscriptions = new Subscriptions(database, audit, directory, new SubscriptionScope(directory), clock);
        listeners.addListener(new ClientCascade(new SystemHolds(database, clock), subscriptions, audit),
                Map.of(org.osgi.framework.Constants.SERVICE_ID, 1L));
        bulk = new BulkActions(database, clients, new ModuleIdempotentRequests(database));
        operator = new IdentityCaller(new Identity(IdentityProvider.OPERATOR_ADMIN_ID, "admin", "Admin",
                IdentityProvider.OPERATOR_ORGANIZATION_ID, List.of(),
                Set.of("clients.view", "clients.suspend", "subscriptions.view"), true, "en"), "127.0.0.1");
    }

    @Setup(Level.Iteration)
    public void activateAll() {
        expectAllDone(bulk.run(operator, null, new BulkRequest("activate", ids, null)));
    }

    @Benchmark
    public BulkResult suspendTenThousandClients() {
        return expectAllDone(bulk.run(operator, null, new BulkRequest("suspend", ids, "non-payment")));
    }

    private static BulkResult expectAllDone(BulkResult result) {
        long failed = result.results().stream().filter(item -> item.error() != null).count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " clients failed, e.g. " + result.results().stream()
                    .filter(item -> item.error() != null).findFirst().orElseThrow());
        }
        return result;
    }

    /** The clients with their accounts (see {@link BenchClients}) and five subscriptions each; their ids added to {@code ids}. */
    static void populate(Connection connection, List<String> ids) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement subscription = connection.prepareStatement("INSERT INTO subscriptions_subscription (id, "
                + "client_id, plan, plan_key, starts_on, expires_on, state, created_at, updated_at) "
                + "VALUES (?, ?, 'Webhosting M', 'webhosting m', ?, ?, 'active', ?, ?)")) {
            BenchClients.write(connection, CLIENTS, now, (i, clientId) -> {
                for (int s = 0; s < SUBSCRIPTIONS_PER_CLIENT; s++) {
                    subscription.setString(1, String.format("sub_bench_%06d_%d", i, s));
                    subscription.setString(2, clientId);
                    subscription.setDate(3, Date.valueOf(LocalDate.of(2026, 1, 1)));
                    subscription.setDate(4, Date.valueOf(LocalDate.of(2027, 1, 1)));
                    subscription.setTimestamp(5, now);
                    subscription.setTimestamp(6, now);
                    subscription.addBatch();
                }
                ids.add(clientId);
            }, subscription);
        }
    }
}
