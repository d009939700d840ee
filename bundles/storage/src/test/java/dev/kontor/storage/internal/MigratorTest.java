package dev.kontor.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.storage.DatabaseKind;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigratorTest {

    private static final Migration V1 = Migration.parse("V1__create_greeting.sql",
            "CREATE TABLE hello_greeting (id INTEGER PRIMARY KEY, text VARCHAR(100) NOT NULL);\n");
    private static final Migration V2 = Migration.parse("V2__seed.sql",
            "INSERT INTO hello_greeting (id, text) VALUES (1, 'Hello; world');\n-- a comment; with a semicolon\n"
                    + "INSERT INTO hello_greeting (id, text) VALUES (2, 'It''s me');\n");

    private static final Migration V3 = Migration.parse("V3__greeting_language.sql",
            "ALTER TABLE hello_greeting ADD COLUMN language VARCHAR(10) DEFAULT 'en' NOT NULL;\n");
    /** The first migration of the broken N+1 succeeds on its own: a new table and a new column. */
    private static final Migration V3_GOOD_HALF = Migration.parse("V3__greeting_sender.sql",
            "CREATE TABLE hello_sender (id INTEGER PRIMARY KEY, name VARCHAR(100));\n"
                    + "ALTER TABLE hello_greeting ADD COLUMN sender_id INTEGER;\n"
                    + "INSERT INTO hello_sender (id, name) VALUES (1, 'admin');\n"
                    + "UPDATE hello_greeting SET sender_id = 1;\n");
    private static final Migration V4_FAILING = Migration.parse("V4__required_sender.sql",
            "ALTER TABLE hello_greeting ADD COLUMN sent_at TIMESTAMP;\nUPDATE hello_greeting SET text = NULL;\n");
    private static final List<Migration> VERSION_N = List.of(V1, V2);
    private static final List<Migration> VERSION_N_PLUS_1 = List.of(V1, V2, V3);
    private static final List<Migration> BROKEN_N_PLUS_1 = List.of(V1, V2, V3_GOOD_HALF, V4_FAILING);

    private DataSource dataSource;
    private Transactions transactions;

    private Migrator migrator(DatabaseKind kind) {
        if (dataSource == null) {
            dataSource = TestDatabases.fresh(kind);
            transactions = new Transactions(dataSource);
        }
        return new Migrator(transactions, kind);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pendingMigrationsAreAppliedInVersionOrderAndRecorded(DatabaseKind kind) {
        assertEquals(2, migrator(kind).migrate("hello", List.of(V2, V1)));
        assertEquals(List.of("Hello; world", "It's me"), greetings());
        assertEquals(List.of("1 create greeting", "2 seed"), history("hello"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void appliedMigrationsNeverRunTwice(DatabaseKind kind) {
        Migrator migrator = migrator(kind);
        migrator.migrate("hello", List.of(V1, V2));
        assertEquals(0, migrator.migrate("hello", List.of(V1, V2)));
        assertEquals(0, migrator(kind).migrate("hello", List.of(V1, V2)), "a restarted panel applies nothing either");
        assertEquals(2, greetings().size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void moduleWhoseAppliedMigrationWasChangedIsRefused(DatabaseKind kind) {
        Migrator migrator = migrator(kind);
        migrator.migrate("hello", List.of(V1));
        Migration edited = Migration.parse("V1__create_greeting.sql",
                "CREATE TABLE hello_greeting (id INTEGER PRIMARY KEY, text VARCHAR(200) NOT NULL);\n");
        MigrationException refused = assertThrows(MigrationException.class, () -> migrator.migrate("hello", List.of(edited, V2)));
        assertTrue(refused.getMessage().contains("V1 of module hello was changed"), refused.getMessage());
        assertEquals(List.of("1 create greeting"), history("hello"), "nothing after the refusal was applied");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failingFirstInstallAppliesNothingAndNamesTheFile(DatabaseKind kind) {
        Migration broken = Migration.parse("V3__broken.sql",
                "INSERT INTO hello_greeting (id, text) VALUES (3, 'three');\nINSERT INTO no_such_table VALUES (1);\n");
        MigrationException failure = assertThrows(MigrationException.class, () -> migrator(kind).migrate("hello", List.of(V1, V2, broken)));
        assertTrue(failure.getMessage().startsWith("Migration V3__broken.sql of module hello failed: "), failure.getMessage());
        assertTrue(failure.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no_such_table"), "the database's own message: " + failure.getMessage());
        assertEquals(List.of(), history("hello"), "all pending migrations or none");
        assertEquals(List.of(), DatabaseContent.of(transactions).columnNames().stream()
                .filter(column -> column.startsWith("hello_")).toList(), "not even V1's table");
    }

    /** Upgrade with data: N+1 adds a migration; the rows of N stay and the new migration runs once. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upgradeAppliesOnlyTheNewMigrationOnceAndKeepsTheRows(DatabaseKind kind) {
        Migrator migrator = migrator(kind);
        migrator.migrate("hello", VERSION_N);

        assertEquals(1, migrator.migrate("hello", VERSION_N_PLUS_1));
        assertEquals(0, migrator.migrate("hello", VERSION_N_PLUS_1), "a second start applies nothing");

        assertEquals(List.of("Hello; world", "It's me"), greetings());
        assertEquals(List.of("1 create greeting", "2 seed", "3 greeting language"), history("hello"));
        assertEquals(List.of("en", "en"), strings("SELECT language FROM hello_greeting ORDER BY id"));
    }

    /**
     * A failing N+1 whose first migration creates a table and alters an existing one
     * (H2 commits both at once) leaves tables, columns, rows and history exactly as they were.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failedUpgradeLeavesTheDatabaseExactlyAsItWas(DatabaseKind kind) {
        assertUpgradeFromNChangesNothing(kind, BROKEN_N_PLUS_1, "V4__required_sender.sql");
    }

    /** The operator puts N back after a failed N+1, then installs a fixed N+1. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void afterAFailedUpgradeTheOldVersionStartsAndAFixedUpgradeApplies(DatabaseKind kind) {
        Migrator migrator = migrator(kind);
        migrator.migrate("hello", VERSION_N);
        assertThrows(MigrationException.class, () -> migrator.migrate("hello", BROKEN_N_PLUS_1));

        assertEquals(0, migrator.migrate("hello", VERSION_N), "version N finds its schema as it left it");
        assertEquals(1, migrator.migrate("hello", VERSION_N_PLUS_1));

        assertEquals(List.of("1 create greeting", "2 seed", "3 greeting language"), history("hello"));
        assertEquals(List.of("Hello; world", "It's me"), greetings());
    }

    /** The copy H2 rehearses on has the rows of the named tables: a NOT NULL column without default fails there. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migrationThatFailsOnlyBecauseOfExistingRowsAppliesNothing(DatabaseKind kind) {
        Migration dataDependent = Migration.parse("V3__sender_required.sql",
                "CREATE TABLE hello_sender (id INTEGER PRIMARY KEY);\nALTER TABLE hello_greeting ADD COLUMN sender_id INTEGER NOT NULL;\n");
        assertUpgradeFromNChangesNothing(kind, List.of(V1, V2, dataDependent), "V3__sender_required.sql");
    }

    /** Version N installed, the upgrade fails at this file, and the database is exactly as N left it. */
    private void assertUpgradeFromNChangesNothing(DatabaseKind kind, List<Migration> upgrade, String failingFile) {
        Migrator migrator = migrator(kind);
        migrator.migrate("hello", VERSION_N);
        DatabaseContent before = DatabaseContent.of(transactions);

        MigrationException failure = assertThrows(MigrationException.class, () -> migrator.migrate("hello", upgrade));

        assertTrue(failure.getMessage().startsWith("Migration " + failingFile + " of module hello failed: "), failure.getMessage());
        assertEquals(before, DatabaseContent.of(transactions));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void modulesKeepSeparateHistories(DatabaseKind kind) {
        Migrator migrator = migrator(kind);
        migrator.migrate("hello", List.of(V1));
        migrator.migrate("other", List.of(Migration.parse("V1__other.sql", "CREATE TABLE other_thing (id INTEGER PRIMARY KEY);")));
        assertEquals(List.of("1 create greeting"), history("hello"));
        assertEquals(List.of("1 other"), history("other"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoVersionsWithOneNumberAreRefused(DatabaseKind kind) {
        Migration twin = Migration.parse("V1__twin.sql", "CREATE TABLE twin (id INTEGER);");
        assertThrows(MigrationException.class, () -> migrator(kind).migrate("hello", List.of(V1, twin)));
    }

    /**
     * Two panel nodes starting at once against one PostgreSQL (two migrators), or two
     * modules starting at once on one H2 node (one migrator, two threads): each
     * migration runs exactly once.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrentStartsApplyEachMigrationOnce(DatabaseKind kind) throws Exception {
        Migrator first = migrator(kind);
        Migrator second = kind == DatabaseKind.POSTGRESQL ? migrator(kind) : first;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> starts = List.of(
                    () -> {
                        go.await();
                        return first.migrate("hello", List.of(V1, V2));
                    },
                    () -> {
                        go.await();
                        return second.migrate("hello", List.of(V1, V2));
                    });
            List<Future<Integer>> results = new ArrayList<>();
            starts.forEach(start -> results.add(nodes.submit(start)));
            go.countDown();
            int applied = 0;
            for (Future<Integer> result : results) {
                applied += result.get(60, TimeUnit.SECONDS);
            }
            assertEquals(2, applied, "two migrations, each applied by exactly one node");
            assertEquals(2, greetings().size());
        } finally {
            nodes.shutdownNow();
        }
    }

    private List<String> greetings() {
        return strings("SELECT text FROM hello_greeting ORDER BY id");
    }

    private List<String> history(String module) {
        return strings("SELECT version || ' ' || description FROM kontor_schema_history WHERE module = '" + module + "' ORDER BY version");
    }

    private List<String> strings(String sql) {
        return transactions.inTransaction(connection -> {
            List<String> values = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }
}
