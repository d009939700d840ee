package dev.kontor.bench.jmh;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.TestDatabase;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Migrating a module: a fresh database, the history table, and the audit module's
 * migration (a table and an index) applied and recorded, as when a module starts for
 * the first time. Includes creating the database, which is part of what an operator
 * waits for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MigrationBenchmark {

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind kind;

    @Benchmark
    public Object migrateAuditModuleOnFreshDatabase() {
        return TestDatabase.migrated(kind, "audit", BenchMigrations.of("audit"));
    }
}
