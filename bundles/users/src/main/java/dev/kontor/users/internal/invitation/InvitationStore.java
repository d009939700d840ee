package dev.kontor.users.internal.invitation;

import dev.kontor.users.internal.access.Words;
import dev.kontor.users.internal.organization.ListQuery;
import dev.kontor.users.internal.organization.TextFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code users_invitation} table. */
final class InvitationStore {

    private static final String COLUMNS = "id, organization_id, email, role_id, products, workgroups, state, invited_by, "
            + "created_at, expires_at, version";

    private InvitationStore() {
    }

    static void insert(Connection connection, Invitation invitation, String tokenHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_invitation (" + COLUMNS
                + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, invitation.id());
            insert.setString(2, invitation.organizationId());
            insert.setString(3, invitation.email());
            insert.setString(4, invitation.roleId());
            insert.setString(5, Words.join(invitation.products()));
            insert.setString(6, Words.join(invitation.workgroups()));
            insert.setString(7, invitation.storedState().id());
            insert.setString(8, invitation.invitedBy());
            insert.setTimestamp(9, Timestamp.from(invitation.createdAt()));
            insert.setTimestamp(10, Timestamp.from(invitation.expiresAt()));
            insert.setLong(11, invitation.version());
            insert.setString(12, tokenHash);
            insert.executeUpdate();
        }
    }

    static Optional<Invitation> find(Connection connection, String organizationId, String id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM users_invitation WHERE organization_id = ? AND id = ?",
                organizationId, id);
    }

    static Optional<Invitation> byTokenHash(Connection connection, String tokenHash) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM users_invitation WHERE token_hash = ?", tokenHash);
    }

    /** A page of the organization's invitations, newest first, optionally only addresses containing {@code q}. */
    static List<Invitation> page(Connection connection, String organizationId, String q, String before, int limit)
            throws SQLException {
        return new ListQuery("SELECT " + COLUMNS + " FROM users_invitation WHERE organization_id = ?", organizationId)
                .andIfGiven("LOWER(email) LIKE ? ESCAPE '\\'", TextFields.containsPattern(q))
                .andIfGiven("id < ?", before)
                .rows(connection, "id DESC", limit, InvitationStore::invitationOf);
    }

    /** Whether the organization has a pending, unexpired invitation for the address. */
    static boolean pendingFor(Connection connection, String organizationId, String email, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM users_invitation WHERE organization_id = ? "
                + "AND LOWER(email) = ? AND state = 'pending' AND expires_at > ?")) {
            select.setString(1, organizationId);
            select.setString(2, email.toLowerCase(Locale.ROOT));
            select.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Puts a new token in place of the old one, which stops working, and a new end. */
    static boolean renew(Connection connection, String id, long version, String tokenHash, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_invitation SET token_hash = ?, "
                + "expires_at = ?, version = version + 1 WHERE id = ? AND version = ? AND state = 'pending'")) {
            update.setString(1, tokenHash);
            update.setTimestamp(2, Timestamp.from(expiresAt));
            update.setString(3, id);
            update.setLong(4, version);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Ends a pending invitation, once: of two requests answering the same invitation,
     * the second finds it no longer pending (the row lock orders them).
     *
     * @param unexpiredAt when not null, only an invitation still valid at that moment is answered
     * @return whether this call ended it
     */
    static boolean end(Connection connection, String id, InvitationState state, String answeredBy, Instant now,
            Instant unexpiredAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_invitation SET state = ?, answered_by = ?, "
                + "answered_at = ?, version = version + 1 WHERE id = ? AND state = 'pending'"
                + (unexpiredAt == null ? "" : " AND expires_at > ?"))) {
            update.setString(1, state.id());
            update.setString(2, answeredBy);
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, id);
            if (unexpiredAt != null) {
                update.setTimestamp(5, Timestamp.from(unexpiredAt));
            }
            return update.executeUpdate() == 1;
        }
    }

    /** Records who accepted, once the login exists (a new one is created after the invitation is ended). */
    static void answeredBy(Connection connection, String id, String userId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_invitation SET answered_by = ? WHERE id = ?")) {
            update.setString(1, userId);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    private static Optional<Invitation> one(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(invitationOf(row)) : Optional.empty();
            }
        }
    }

    private static Invitation invitationOf(ResultSet row) throws SQLException {
        return new Invitation(row.getString(1), row.getString(2), row.getString(3), row.getString(4), Words.of(row.getString(5)),
                Words.of(row.getString(6)), InvitationState.ofStored(row.getString(7)), row.getString(8),
                row.getTimestamp(9).toInstant(), row.getTimestamp(10).toInstant(), row.getLong(11));
    }
}
