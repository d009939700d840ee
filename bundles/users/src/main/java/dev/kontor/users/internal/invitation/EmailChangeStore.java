package dev.kontor.users.internal.invitation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The {@code users_email_change} table: requested changes of a login's address, by the hash of their link's token. */
final class EmailChangeStore {

    private EmailChangeStore() {
    }

    static void insert(Connection connection, String id, String userId, String newEmail, String tokenHash, Instant now,
            Instant expiresAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_email_change "
                + "(id, user_id, new_email, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, userId);
            insert.setString(3, newEmail);
            insert.setString(4, tokenHash);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(expiresAt));
            insert.executeUpdate();
        }
    }

    /** Forgets the login's unconfirmed requests: only the newest link may change the address. */
    static void dropUnconfirmed(Connection connection, String userId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM users_email_change WHERE user_id = ? AND confirmed_at IS NULL")) {
            delete.setString(1, userId);
            delete.executeUpdate();
        }
    }

    /** The address the login asked for and has not confirmed yet, while its link works. */
    static Optional<String> pending(Connection connection, String userId, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT new_email FROM users_email_change "
                + "WHERE user_id = ? AND confirmed_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id DESC")) {
            select.setString(1, userId);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    static Optional<Request> byTokenHash(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, user_id, new_email, expires_at, confirmed_at "
                + "FROM users_email_change WHERE token_hash = ?")) {
            select.setString(1, tokenHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Request(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant(), row.getTimestamp(5) != null)) : Optional.empty();
            }
        }
    }

    /** Marks a request confirmed, once: a second confirmation of the same link finds nothing to do. */
    static boolean confirm(Connection connection, String id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_email_change SET confirmed_at = ? "
                + "WHERE id = ? AND confirmed_at IS NULL AND expires_at > ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, id);
            update.setTimestamp(3, Timestamp.from(now));
            return update.executeUpdate() == 1;
        }
    }

    /** One requested change. */
    record Request(String id, String userId, String newEmail, Instant expiresAt, boolean confirmed) {
    }
}
