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
    void failingMigrationIsNotRecordedAndKeepsEarlierOnes(DatabaseKind kind) {
        Migration broken = Migration.parse("V3__broken.sql",
                "INSERT INTO hello_greeting (id, text) VALUES (3, 'three');\nINSERT INTO no_such_table VALUES (1);\n");
        MigrationException failure = assertThrows(MigrationException.class, () -> migrator(kind).migrate("hello", List.of(V1, V2, broken)));
        assertTrue(failure.getMessage().startsWith("Migration V3 of module hello failed"), failure.getMessage());
        assertEquals(List.of("1 create greeting", "2 seed"), history("hello"));
        assertEquals(2, greetings().size(), "the failed migration's own insert was rolled back");
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
