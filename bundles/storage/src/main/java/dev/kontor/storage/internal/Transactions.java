package dev.kontor.storage.internal;

import dev.kontor.api.storage.StorageException;
import dev.kontor.api.storage.TransactionalAction;
import dev.kontor.api.storage.TransactionalWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one transaction helper of the panel: a transaction belongs to a thread, nested
 * calls join it, the outermost call commits or rolls back, and after-commit actions run
 * once the commit succeeded.
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final DataSource dataSource;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(TransactionalWork<T> work) {
        Transaction open = current.get();
        if (open != null) {
            return runJoined(open, work);
        }
        Transaction transaction = begin();
        current.set(transaction);
        T result;
        try {
            result = work.execute(transaction.connection);
            if (transaction.rollbackOnly) {
                throw new IllegalStateException("A joined part of this transaction failed; it was rolled back");
            }
            transaction.connection.commit();
        } catch (SQLException e) {
            rollback(transaction);
            throw new StorageException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback(transaction);
            throw e;
        } finally {
            current.remove();
            close(transaction);
        }
        transaction.afterCommit.forEach(Transactions::runAfterCommit);
        return result;
    }

    private Transaction begin() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return new Transaction(connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new StorageException("No database connection: " + e.getMessage(), e);
        }
    }

    /** A joined part that fails dooms the whole transaction, even if the caller catches the exception. */
    private static <T> T runJoined(Transaction open, TransactionalWork<T> work) {
        try {
            return work.execute(open.connection);
        } catch (SQLException e) {
            open.rollbackOnly = true;
            throw new StorageException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            open.rollbackOnly = true;
            throw e;
        }
    }

    /** See {@code Database.inSavepoint}: the work whole or not at all, inside the open transaction. */
    public <T> T inSavepoint(TransactionalWork<T> work) {
        Transaction open = current.get();
        if (open == null) {
            return inTransaction(work);
        }
        boolean doomed = open.rollbackOnly;
        int followUps = open.afterCommit.size();
        Savepoint savepoint;
        try {
            savepoint = open.connection.setSavepoint();
        } catch (SQLException e) {
            open.rollbackOnly = true;
            throw new StorageException(e.getMessage(), e);
        }
        try {
            T result = work.execute(open.connection);
            if (open.rollbackOnly && !doomed) {
                throw new IllegalStateException("A joined part of this unit failed; the unit was undone");
            }
            return result;
        } catch (SQLException e) {
            undo(open, savepoint, doomed, followUps);
            throw new StorageException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            undo(open, savepoint, doomed, followUps);
            throw e;
        }
    }

    /** Back to the savepoint, as if the unit had not run; a failed rollback dooms the transaction. */
    private static void undo(Transaction open, Savepoint savepoint, boolean doomed, int followUps) {
        try {
            open.connection.rollback(savepoint);
            open.rollbackOnly = doomed;
            open.afterCommit.subList(followUps, open.afterCommit.size()).clear();
        } catch (SQLException e) {
            open.rollbackOnly = true;
            LOG.warn("Rolling back to a savepoint failed: {}", e.getMessage());
        }
    }

    /** Like {@link #inTransaction(TransactionalWork)}, for work without a result. */
    public void run(TransactionalAction action) {
        inTransaction(connection -> {
            action.execute(connection);
            return null;
        });
    }

    public void afterCommit(Runnable action) {
        Transaction open = current.get();
        if (open == null) {
            throw new IllegalStateException("afterCommit needs an open transaction");
        }
        open.afterCommit.add(action);
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    private static void runAfterCommit(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // The change is committed; a failed follow-up must not undo the caller's success.
            LOG.error("After-commit action failed", e);
        }
    }

    private static void rollback(Transaction transaction) {
        try {
            transaction.connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.getMessage());
        }
    }

    private static void close(Transaction transaction) {
        try {
            transaction.connection.setAutoCommit(true);
            transaction.connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a connection failed: {}", e.getMessage());
        }
    }

    private static final class Transaction {
        final Connection connection;
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean rollbackOnly;

        Transaction(Connection connection) {
            this.connection = connection;
        }
    }
}
