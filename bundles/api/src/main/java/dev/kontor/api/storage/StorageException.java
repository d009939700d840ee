package dev.kontor.api.storage;

import java.sql.SQLException;

/** A database failure inside a transaction; the transaction was rolled back. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, SQLException cause) {
        super(message, cause);
    }

    /** The SQL state of the failure, e.g. {@code 23505} for a unique violation. */
    public String sqlState() {
        return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }

    /** Whether the failure is a unique or primary key violation (SQL state 23505). */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState());
    }
}
