package dev.kontor.bench.jmh;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.storage.internal.TestCaller;
import dev.kontor.storage.internal.TestDatabase;
import java.sql.PreparedStatement;
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
 * What auditing adds to a change: the same one-row change committed with and without
 * its audit entry in the transaction. The difference is the audit write overhead per
 * request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AuditBenchmark {

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind kind;

    private TestDatabase database;
    private AuditLogService audit;
    private long counter;
    private final Caller caller = new TestCaller("u_bench", "o_bench");

    @Setup
    public void setUp() {
        database = TestDatabase.pooled(kind, "audit", BenchMigrations.of("audit"));
        audit = new AuditLogService(database);
        database.runInTransaction(connection -> connection.createStatement()
                .execute("CREATE TABLE bench_change (id BIGINT PRIMARY KEY, note VARCHAR(50))"));
    }

    @Benchmark
    public void changeWithoutAudit() {
        database.runInTransaction(connection -> insert(connection, ++counter));
    }

    @Benchmark
    public void changeWithAuditEntry() {
        database.runInTransaction(connection -> {
            insert(connection, ++counter);
            audit.record(caller, "bench.change", "change:" + counter, AuditOutcome.SUCCESS, null);
        });
    }

    private static void insert(java.sql.Connection connection, long id) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_change (id, note) VALUES (?, 'x')")) {
            insert.setLong(1, id);
            insert.executeUpdate();
        }
    }
}
