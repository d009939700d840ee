package dev.kontor.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.StorageException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransactionsTest {

    private Transactions transactions;

    private void setUp(DatabaseKind kind) {
        transactions = new Transactions(TestDatabases.fresh(kind));
        transactions.run(connection -> connection.createStatement()
                .execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text VARCHAR(50) NOT NULL)"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void workThatReturnsIsCommitted(DatabaseKind kind) {
        setUp(kind);
        transactions.run(connection -> insert(connection, 1, "kept"));
        assertEquals(List.of("kept"), texts());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void workThatThrowsLeavesNothingBehind(DatabaseKind kind) {
        setUp(kind);
        assertThrows(IllegalArgumentException.class, () -> transactions.run(connection -> {
            insert(connection, 1, "first row");
            insert(connection, 2, "second row");
            throw new IllegalArgumentException("bad input after two rows");
        }));
        assertEquals(List.of(), texts());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailedSavepointUnitIsUndoneAndTheTransactionGoesOn(DatabaseKind kind) {
        setUp(kind);
        List<String> followUps = new ArrayList<>();
        transactions.run(connection -> {
            transactions.inSavepoint(c -> {
                insert(c, 1, "first item");
                return null;
            });
            assertThrows(StorageException.class, () -> transactions.inSavepoint(c -> {
                insert(c, 2, "half of the second item");
                transactions.afterCommit(() -> followUps.add("second"));
                insert(c, 1, "clashes with the first"); // a database error: PostgreSQL needs the savepoint to go on
                return null;
            }));
            assertThrows(IllegalStateException.class, () -> transactions.inSavepoint(c -> {
                insert(c, 3, "third item");
                // A joined part that failed and was caught inside the unit still undoes the unit.
                try {
                    transactions.run(joined -> {
                        throw new IllegalArgumentException("joined part fails");
                    });
                } catch (IllegalArgumentException expected) {
                    // swallowed on purpose
                }
                return null;
            }));
            transactions.inSavepoint(c -> {
                insert(c, 4, "fourth item");
                transactions.afterCommit(() -> followUps.add("fourth"));
                return null;
            });
        });
        assertEquals(List.of("first item", "fourth item"), texts());
        assertEquals(List.of("fourth"), followUps);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSavepointUnitWithoutATransactionIsATransaction(DatabaseKind kind) {
        setUp(kind);
        assertThrows(IllegalArgumentException.class, () -> transactions.inSavepoint(connection -> {
            insert(connection, 1, "alone");
            throw new IllegalArgumentException("fails");
        }));
        transactions.inSavepoint(connection -> {
            insert(connection, 2, "kept");
            return null;
        });
        assertEquals(List.of("kept"), texts());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sqlFailureRollsBackAndSaysWhichConstraint(DatabaseKind kind) {
        setUp(kind);
        StorageException failure = assertThrows(StorageException.class, () -> transactions.run(connection -> {
            insert(connection, 1, "one");
            insert(connection, 1, "same key");
        }));
        assertTrue(failure.isUniqueViolation(), failure.sqlState());
        assertEquals(List.of(), texts());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nestedWorkJoinsTheOuterTransaction(DatabaseKind kind) {
        setUp(kind);
        assertThrows(IllegalStateException.class, () -> transactions.run(outer -> {
            insert(outer, 1, "outer");
            // a listener of another module, called inside the change: it joins, it does not commit on its own
            transactions.run(inner -> insert(inner, 2, "listener"));
            throw new IllegalStateException("the outer change fails after the listener ran");
        }));
        assertEquals(List.of(), texts());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failedJoinedWorkDoomsTheTransactionEvenWhenTheCallerCatchesIt(DatabaseKind kind) {
        setUp(kind);
        assertThrows(IllegalStateException.class, () -> transactions.run(outer -> {
            insert(outer, 1, "outer");
            try {
                transactions.run(inner -> {
                    throw new IllegalArgumentException("listener failed");
                });
            } catch (IllegalArgumentException swallowed) {
                // a careless caller
            }
        }));
        assertEquals(List.of(), texts());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void afterCommitActionsRunOnlyAfterASuccessfulCommit(DatabaseKind kind) {
        setUp(kind);
        List<String> sent = new ArrayList<>();
        transactions.run(connection -> {
            insert(connection, 1, "mail me");
            transactions.afterCommit(() -> sent.add("after " + texts()));
            assertTrue(sent.isEmpty(), "not before the commit");
        });
        assertEquals(List.of("after [mail me]"), sent, "runs after commit and sees the committed row");

        assertThrows(IllegalStateException.class, () -> transactions.run(connection -> {
            transactions.afterCommit(() -> sent.add("never"));
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(1, sent.size());
        assertFalse(transactions.inTransaction());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void afterCommitOutsideATransactionIsAProgrammingError(DatabaseKind kind) {
        setUp(kind);
        assertThrows(IllegalStateException.class, () -> transactions.afterCommit(() -> { }));
    }

    private static void insert(java.sql.Connection connection, int id, String text) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO note (id, text) VALUES (?, ?)")) {
            statement.setInt(1, id);
            statement.setString(2, text);
            statement.executeUpdate();
        }
    }

    private List<String> texts() {
        return transactions.inTransaction(connection -> {
            List<String> texts = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT text FROM note ORDER BY id")) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        });
    }
}
