package dev.kontor.storage.internal;

import dev.kontor.api.storage.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's pending migrations, all of them in one transaction together with
 * their rows in {@code kontor_schema_history}: either the module's schema reaches the new
 * version or the database stays exactly as it was. PostgreSQL rolls back DDL; on H2, which
 * commits DDL at once, the migrations are first tried on a copy ({@link H2Rehearsal}).
 * Runs under an exclusive lock: a JVM lock for the threads of this panel and, on
 * PostgreSQL, a transaction-scoped advisory lock for the other panel nodes, which then
 * find the migrations recorded and skip them.
 */
public final class Migrator {

    /** Arbitrary but fixed: every Kontor node asks for the same advisory lock. */
    private static final long ADVISORY_LOCK = 0x4b6f6e746f72L;
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final Transactions transactions;
    private final DatabaseKind kind;
    private final ReentrantLock localLock = new ReentrantLock();

    public Migrator(Transactions transactions, DatabaseKind kind) {
        this.transactions = transactions;
        this.kind = kind;
    }

    /**
     * Brings the module's schema up to date.
     *
     * @return how many migrations were applied now
     * @throws MigrationException with a reason for the operator; then none of the pending migrations was applied
     */
    public int migrate(String module, List<Migration> migrations) {
        checkVersionsUnique(module, migrations);
        List<Migration> ordered = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
        localLock.lock();
        try {
            transactions.run(this::createHistoryTable);
            return transactions.inTransaction(connection -> applyPending(connection, module, ordered));
        } finally {
            localLock.unlock();
        }
    }

    private int applyPending(Connection connection, String module, List<Migration> ordered) throws SQLException {
        lock(connection);
        Map<Integer, String> applied = appliedChecksums(connection, module);
        verifyAppliedUnchanged(module, ordered, applied);
        // Another node may have applied some while we waited for the lock.
        List<Migration> pending = ordered.stream().filter(migration -> !applied.containsKey(migration.version())).toList();
        if (pending.isEmpty()) {
            return 0;
        }
        if (kind == DatabaseKind.H2) {
            H2Rehearsal.rehearse(connection, module, pending);
        }
        for (Migration migration : pending) {
            migration.applyTo(connection, module);
            record(connection, module, migration);
        }
        LOG.info("Module {}: applied migrations {}", module, pending.stream().map(Migration::file).toList());
        return pending.size();
    }

    private void checkVersionsUnique(String module, List<Migration> migrations) {
        Set<Integer> seen = new HashSet<>();
        for (Migration migration : migrations) {
            if (!seen.add(migration.version())) {
                throw new MigrationException("Module " + module + " has two migrations with version " + migration.version());
            }
        }
    }

    private static void verifyAppliedUnchanged(String module, List<Migration> migrations, Map<Integer, String> applied) {
        for (Migration migration : migrations) {
            String checksum = applied.get(migration.version());
            if (checksum != null && !checksum.equals(migration.checksum())) {
                throw new MigrationException("Migration V" + migration.version() + " of module " + module
                        + " was changed after it was applied; restore the original file and add a new migration instead");
            }
        }
    }

    private void createHistoryTable(Connection connection) throws SQLException {
        lock(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kontor_schema_history ("
                    + "module VARCHAR(100) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL, PRIMARY KEY (module, version))");
        }
    }

    private void lock(Connection connection) throws SQLException {
        if (kind == DatabaseKind.POSTGRESQL) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                statement.setLong(1, ADVISORY_LOCK);
                statement.execute();
            }
        }
        // H2 in file mode is opened by one process only; the JVM lock covers its threads.
    }

    private static Map<Integer, String> appliedChecksums(Connection connection, String module) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT version, checksum FROM kontor_schema_history WHERE module = ?")) {
            statement.setString(1, module);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return applied;
    }

    private static void record(Connection connection, String module, Migration migration) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO kontor_schema_history (module, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, module);
            statement.setInt(2, migration.version());
            statement.setString(3, migration.description());
            statement.setString(4, migration.checksum());
            statement.setTimestamp(5, Timestamp.from(Instant.now()));
            statement.executeUpdate();
        }
    }
}
