package dev.kontor.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.annotation.versioning.ConsumerType;

/** Work without a result, done inside a transaction on its connection. */
@ConsumerType
@FunctionalInterface
public interface TransactionalAction {

    /** The connection belongs to the transaction: do not close it or commit on it. */
    void execute(Connection connection) throws SQLException;
}
