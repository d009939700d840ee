package dev.kontor.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The panel's database as one module sees it. Each module bundle gets its own instance
 * (the service is bundle-scoped); a module whose migrations failed gets none, so its
 * components that need storage do not start.
 *
 * <p>Transactions are bound to the calling thread and shared by all modules: when the
 * clients module suspends a client inside {@link #inTransaction} and calls a lifecycle
 * listener of the subscriptions module, whose own {@code inTransaction} joins it, both
 * changes commit or roll back together.
 *
 * <p>Schema migrations: files {@code db/migration/V<version>__<description>.sql} in the
 * module's bundle (version a whole number, applied in ascending order, statements
 * separated by {@code ;} at the end of a line). The panel applies the pending ones when
 * the module starts, each in a transaction, records module, version and checksum, and
 * refuses a module whose applied migration file was changed. SQL must run on H2 (in
 * PostgreSQL mode) and PostgreSQL alike.
 */
@ProviderType
public interface Database {

    /** Which database the panel runs on, for the rare statement that must differ. */
    DatabaseKind kind();

    /**
     * Runs the work in a transaction: a new one, or the one already open on this thread.
     * The outermost call commits when the work returns and rolls back when it throws.
     *
     * @throws StorageException wrapping an {@link java.sql.SQLException} of the work
     */
    <T> T inTransaction(TransactionalWork<T> work);

    /** Like {@link #inTransaction}, for work without a result. */
    void runInTransaction(TransactionalAction action);

    /**
     * Runs the work as one unit inside the transaction open on this thread: when it
     * throws, everything it wrote is undone (back to a savepoint), the after-commit
     * actions it added are dropped, and the transaction goes on as if it had not run.
     * For many independent changes in one transaction, e.g. a bulk action over thousands
     * of items that must each happen whole or not at all, without a commit per item.
     * Without an open transaction it is {@link #inTransaction}.
     *
     * @throws StorageException wrapping an {@link java.sql.SQLException} of the work
     * @since 1.1
     */
    <T> T inSavepoint(TransactionalWork<T> work);

    /**
     * Runs the action after the current transaction has committed (never when it rolls
     * back): the place to send mail, notify browsers or call external systems.
     *
     * @throws IllegalStateException outside a transaction
     */
    void afterCommit(Runnable action);

    /** Whether a transaction is open on this thread. */
    boolean inTransaction();
}
