package dev.kontor.bench.jmh;

import dev.kontor.api.clients.ResellerEvent;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.clients.internal.client.ClientDirectoryService;
import dev.kontor.storage.internal.IdentityCaller;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.subscriptions.internal.cascade.ResellerCascade;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import dev.kontor.users.internal.login.Logins;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A reseller's suspension reaching 50,000 subscriptions (S2): the subscriptions module's
 * {@link ResellerCascade} placing a {@code cascade_reseller} hold on every subscription of
 * the reseller's 10,000 clients ({@code step=place}), or lifting them all when the reseller
 * is activated again ({@code step=lift}), in one transaction, as the clients module's
 * change of the reseller runs its listeners. Before each measured run the other step puts
 * the holds in place or away (not measured); after it, the holds in force are counted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ResellerCascadeBenchmark {

    private static final String RESELLER = "org_bench_reseller";

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind kind;

    @Param({"place", "lift"})
    public String step;

    private TestDatabase database;
    private ResellerCascade cascade;
    private ResellerEvent event;

    @Setup
    public void setUp() {
        database = BenchMigrations.database(kind, "users", "audit", "clients", "subscriptions");
        database.runInTransaction(Logins::ensureOperatorAdmin);
        List<String> ids = new ArrayList<>();
        database.runInTransaction(connection -> {
            BulkSuspensionBenchmark.populate(connection, ids);
            try (PreparedStatement attach = connection.prepareStatement("UPDATE clients_client SET reseller_id = ?")) {
                attach.setString(1, RESELLER);
                attach.executeUpdate();
            }
        });
        // The cascade reads the reseller's clients only; a client's contact and account are not asked for.
        cascade = new ResellerCascade(new SystemHolds(database, Clock.systemUTC()), new ClientDirectoryService(database, null),
                new AuditLogService(database));
        Caller operator = new IdentityCaller(new Identity(IdentityProvider.OPERATOR_ADMIN_ID, "admin", "Admin",
                IdentityProvider.OPERATOR_ORGANIZATION_ID, List.of(), Set.of("clients.suspend"), true, "en"), "127.0.0.1");
        event = new ResellerEvent(operator, RESELLER, "unpaid reseller invoices");
    }

    @Setup(Level.Iteration)
    public void undoTheStep() {
        database.runInTransaction(connection -> {
            if (placing()) {
                cascade.activated(event);
            } else {
                cascade.suspended(event);
            }
        });
    }

    @Benchmark
    public void cascadeOverFiftyThousandSubscriptions() {
        database.runInTransaction(connection -> {
            if (placing()) {
                cascade.suspended(event);
            } else {
                cascade.activated(event);
            }
        });
    }

    /** A run that did not hold (or free) every subscription measured something else: fail it. */
    @TearDown(Level.Iteration)
    public void checkEverySubscriptionReached() {
        long held = database.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM subscriptions_hold "
                    + "WHERE reason = 'cascade_reseller' AND source_id = ? AND lifted_at IS NULL")) {
                count.setString(1, RESELLER);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        long expected = placing() ? (long) BulkSuspensionBenchmark.CLIENTS * BulkSuspensionBenchmark.SUBSCRIPTIONS_PER_CLIENT : 0;
        if (held != expected) {
            throw new IllegalStateException(held + " subscriptions held by the reseller's suspension, expected " + expected);
        }
    }

    private boolean placing() {
        return "place".equals(step);
    }
}
