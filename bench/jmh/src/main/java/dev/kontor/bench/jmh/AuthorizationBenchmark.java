package dev.kontor.bench.jmh;

import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.NoBuiltInLogin;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.access.UsersIdentityProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
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
 * The cost of the decision the host asks the users module for on every request: the
 * caller's current access in an organization ({@code IdentityProvider.refresh}), then
 * whether it holds the permission. 10,000 logins in 1,000 organizations (two
 * memberships each, some through workgroups), half the checks allowed, half denied.
 *
 * <p>{@code warm}: the access was computed within the cache's lifetime (what nearly
 * every request of a working session sees). {@code cold}: computed from the database
 * each time, as after every change of access.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AuthorizationBenchmark {

    static final int USERS = 10_000;
    static final int ORGANIZATIONS = 1_000;

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind kind;

    private IdentityProvider provider;
    private Access access;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup
    public void setUp() {
        TestDatabase database = TestDatabase.pooled(kind, "users", BenchMigrations.of("users"));
        DeclaredPermissions declared = BenchPermissions.declared();
        access = new Access(database, new AccessQuery(declared, Clock.systemUTC()), 60_000, Clock.systemUTC());
        database.runInTransaction(AuthorizationBenchmark::populate);
        provider = new UsersIdentityProvider(database, access, new NoBuiltInLogin(), token -> Optional.empty());
    }

    /**
     * Warm: every access a decision can ask for is computed once beforehand, as a working
     * session's first request does. Cold: every access is computed anew in the next call,
     * as the first request after a change of access is.
     */
    @Setup(Level.Invocation)
    public void prepare(ColdState cold) {
        if (cold.cold) {
            access.changedNow();
        } else if (!cold.filled) {
            for (int user = 0; user < USERS; user++) {
                provider.refresh("usr_" + user, "org_" + user % ORGANIZATIONS);
                provider.refresh("usr_" + user, "org_" + (user + 500) % ORGANIZATIONS);
            }
            cold.filled = true;
        }
    }

    @Benchmark
    public boolean decision(ColdState cold) {
        int user = random.nextInt(USERS);
        // A member of organizations user % 1000 and (user + 1) % 1000; every other check asks about a foreign one.
        int organization = random.nextBoolean() ? user % ORGANIZATIONS : (user + 500) % ORGANIZATIONS;
        Optional<Identity> identity = provider.refresh("usr_" + user, "org_" + organization);
        return identity.isPresent() && identity.get().permissions().contains(BenchPermissions.CHECKED);
    }

    /** Whether the cache is emptied before each call. */
    @State(Scope.Thread)
    public static class ColdState {
        @Param({"warm", "cold"})
        public String cache;
        boolean cold;
        boolean filled;

        @Setup
        public void setUp() {
            cold = "cold".equals(cache);
        }
    }

    static void populate(Connection connection) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement organization = connection.prepareStatement(
                "INSERT INTO users_organization (id, name, created_at) VALUES (?, ?, ?)")) {
            for (int i = 0; i < ORGANIZATIONS; i++) {
                organization.setString(1, "org_" + i);
                organization.setString(2, "Organization " + i);
                organization.setTimestamp(3, now);
                organization.addBatch();
            }
            organization.executeBatch();
        }
        try (PreparedStatement login = connection.prepareStatement("INSERT INTO users_login (id, username, username_key, "
                + "display_name, language, password_hash, created_at) VALUES (?, ?, ?, ?, 'en', ?, ?)");
                PreparedStatement member = connection.prepareStatement("INSERT INTO users_membership (organization_id, user_id, "
                        + "role_id, products, joined_at) VALUES (?, ?, ?, ?, ?)")) {
            List<String> roles = List.of("owner", "administrator", "billing", "reports", "basic");
            for (int i = 0; i < USERS; i++) {
                login.setString(1, "usr_" + i);
                login.setString(2, "user" + i);
                login.setString(3, "user" + i);
                login.setString(4, "User " + i);
                login.setString(5, BenchPermissions.PASSWORD_HASH);
                login.setTimestamp(6, now);
                login.addBatch();
                for (int offset = 0; offset < 2; offset++) {
                    member.setString(1, "org_" + ((i + offset) % ORGANIZATIONS));
                    member.setString(2, "usr_" + i);
                    member.setString(3, roles.get((i + offset) % roles.size()));
                    member.setString(4, i % 3 == 0 ? "hello" : "");
                    member.setTimestamp(5, now);
                    member.addBatch();
                }
                if (i % 1000 == 999) {
                    login.executeBatch();
                    member.executeBatch();
                }
            }
        }
    }
}
