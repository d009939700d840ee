package dev.kontor.bench.jmh;

import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.NoBuiltInLogin;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.UsersIdentityProvider;
import java.time.Clock;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Logins per second through the users module: look the login up, verify its Argon2id
 * hash (19 MiB, two passes), compute its access in its first organization. Two threads,
 * as many as the machine's cores. Argon2id is slow on purpose; this is the figure that
 * tells how many logins a node takes before the login throttle matters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Threads(2)
@Fork(1)
public class LoginBenchmark {

    @Param({"H2"})
    public DatabaseKind kind;

    private IdentityProvider provider;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup
    public void setUp() {
        TestDatabase database = TestDatabase.pooled(kind, "users", BenchMigrations.of("users"));
        database.runInTransaction(AuthorizationBenchmark::populate);
        Access access = new Access(database, new AccessQuery(BenchPermissions.declared(), Clock.systemUTC()), 2_000,
                Clock.systemUTC());
        provider = new UsersIdentityProvider(database, access, new NoBuiltInLogin(), token -> Optional.empty());
    }

    @Benchmark
    public boolean login() {
        int user;
        synchronized (random) {
            user = random.nextInt(AuthorizationBenchmark.USERS);
        }
        return provider.authenticate("user" + user, BenchPermissions.PASSWORD.toCharArray()).isPresent();
    }
}
