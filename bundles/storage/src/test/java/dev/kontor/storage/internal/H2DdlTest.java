package dev.kontor.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.storage.DatabaseKind;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Why {@link Migrator} checks H2 migrations on a copy first: H2, as the panel configures it,
 * commits DDL implicitly, so rolling back a failed migration cannot undo what ran before it.
 * Should H2 ever keep DDL in the transaction, this test fails and the copy can go.
 */
class H2DdlTest {

    @Test
    void h2CommitsDdlAndTheWorkBeforeItSoARollbackUndoesNeither() {
        Transactions transactions = new Transactions(TestDatabases.fresh(DatabaseKind.H2));
        transactions.run(connection -> connection.createStatement().execute("CREATE TABLE kept (id INTEGER PRIMARY KEY)"));

        assertThrows(IllegalStateException.class, () -> transactions.run(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO kept (id) VALUES (1)");
                statement.execute("CREATE TABLE created_then_rolled_back (id INTEGER)");
                statement.execute("ALTER TABLE kept ADD COLUMN note VARCHAR(10)");
            }
            throw new IllegalStateException("the migration fails after its DDL");
        }));

        DatabaseContent left = DatabaseContent.of(transactions);
        assertEquals(List.of("created_then_rolled_back.id", "kept.id", "kept.note"), left.columnNames());
        assertEquals(List.of("kept 1 null"), left.rows(), "the insert before the DDL was committed with it");
    }
}
