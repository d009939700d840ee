package dev.kontor.users.internal.token;

import dev.kontor.users.internal.access.Words;
import dev.kontor.users.internal.organization.ListQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code users_token} table: personal API tokens (kind {@code personal}) and access
 * tokens of OAuth clients (kind {@code oauth}). Only the SHA-256 of a token is stored.
 */
final class TokenStore {

    static final String PERSONAL = "personal";
    static final String OAUTH = "oauth";
    /** last_used_at is a hint for people, not a log: one write a minute per token is plenty. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, kind, organization_id, user_id, client_id, name, scopes, created_at, "
            + "expires_at, last_used_at, revoked_at";

    private TokenStore() {
    }

    static void insert(Connection connection, Token token, String tokenHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_token (id, kind, organization_id, "
                + "user_id, client_id, name, token_hash, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.id());
            insert.setString(2, token.kind());
            insert.setString(3, token.organizationId());
            insert.setString(4, token.userId());
            insert.setString(5, token.clientId());
            insert.setString(6, token.name());
            insert.setString(7, tokenHash);
            insert.setString(8, Words.join(token.scopes()));
            insert.setTimestamp(9, Timestamp.from(token.createdAt()));
            insert.setTimestamp(10, Timestamp.from(token.expiresAt()));
            insert.executeUpdate();
        }
    }

    static Optional<Token> byHash(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM users_token WHERE token_hash = ?")) {
            select.setString(1, tokenHash);
            return read(select).stream().findFirst();
        }
    }

    /** A login's personal tokens in an organization that are not revoked, newest first. */
    static List<Token> personal(Connection connection, String userId, String organizationId, String after, int limit)
            throws SQLException {
        return new ListQuery("SELECT " + COLUMNS + " FROM users_token WHERE user_id = ? AND organization_id = ? AND kind = '"
                + PERSONAL + "' AND revoked_at IS NULL", userId, organizationId)
                .andIfGiven("id < ?", after)
                .rows(connection, "id DESC", limit, TokenStore::tokenOf);
    }

    /** Revokes one personal token of a login in an organization; false when there is none in force. */
    static boolean revokePersonal(Connection connection, String userId, String organizationId, String id, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_token SET revoked_at = ? WHERE id = ? "
                + "AND user_id = ? AND organization_id = ? AND kind = '" + PERSONAL + "' AND revoked_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, id);
            update.setString(3, userId);
            update.setString(4, organizationId);
            return update.executeUpdate() > 0;
        }
    }

    /** Revokes every access token of an OAuth client. */
    static void revokeOfClient(Connection connection, String clientId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_token SET revoked_at = ? "
                + "WHERE client_id = ? AND kind = '" + OAUTH + "' AND revoked_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, clientId);
            update.executeUpdate();
        }
    }

    /** Drops a client's access tokens that have expired: each grant adds a row, and nothing else would remove them. */
    static void deleteExpiredOfClient(Connection connection, String clientId, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users_token "
                + "WHERE client_id = ? AND kind = '" + OAUTH + "' AND expires_at <= ?")) {
            delete.setString(1, clientId);
            delete.setTimestamp(2, Timestamp.from(now));
            delete.executeUpdate();
        }
    }

    /**
     * Notes that a token was used, at most once per {@link #TOUCH_INTERVAL}: the condition
     * makes concurrent requests write once between them.
     */
    static void touch(Connection connection, Token token, Instant now) throws SQLException {
        if (token.lastUsedAt() != null && token.lastUsedAt().isAfter(now.minus(TOUCH_INTERVAL))) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_token SET last_used_at = ? "
                + "WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, token.id());
            update.setTimestamp(3, Timestamp.from(now.minus(TOUCH_INTERVAL)));
            update.executeUpdate();
        }
    }

    private static List<Token> read(PreparedStatement select) throws SQLException {
        List<Token> tokens = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                tokens.add(tokenOf(row));
            }
        }
        return tokens;
    }

    private static Token tokenOf(ResultSet row) throws SQLException {
        return new Token(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), new TreeSet<>(Words.of(row.getString(7))), row.getTimestamp(8).toInstant(),
                row.getTimestamp(9).toInstant(), instant(row.getTimestamp(10)), instant(row.getTimestamp(11)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A stored token, without its hash. */
    record Token(String id, String kind, String organizationId, String userId, String clientId, String name, Set<String> scopes,
            Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

        Token {
            scopes = Set.copyOf(scopes);
        }

        boolean usableAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }
}
