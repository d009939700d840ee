package dev.kontor.subscriptions.internal.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements on {@code subscriptions_history}: appended to in the transaction of the
 * change it records, with the subscription's row locked (which numbers the entries
 * without gaps or doubles), never changed.
 */
public final class History {

    private History() {
    }

    /**
     * Appends an entry; its state is the subscription's effective state as stored now,
     * so append after {@link EffectiveState#recompute}.
     *
     * @param hold the hold it concerns; null for entries about the subscription itself
     */
    public static void append(Connection connection, String subscriptionId, String action, Hold hold, String actor, String note,
            Instant at) throws SQLException {
        long seq;
        String state;
        try (PreparedStatement select = connection.prepareStatement("SELECT s.state, (SELECT COALESCE(MAX(h.seq), 0) + 1 "
                + "FROM subscriptions_history h WHERE h.subscription_id = s.id) FROM subscriptions_subscription s WHERE s.id = ?")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No subscription " + subscriptionId + " to record history of");
                }
                state = row.getString(1);
                seq = row.getLong(2);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_history (subscription_id, seq, "
                + "occurred_at, action, hold_id, reason, actor, note, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, subscriptionId);
            insert.setLong(2, seq);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.setString(4, action);
            insert.setString(5, hold == null ? null : hold.id());
            insert.setString(6, hold == null ? null : hold.reason().wire());
            insert.setString(7, actor);
            insert.setString(8, note);
            insert.setString(9, state);
            insert.executeUpdate();
        }
    }

    /** One page of the subscription's history, newest first, before the entry {@code beforeSeq} (null: from the newest). */
    static List<HistoryEntry> page(Connection connection, String subscriptionId, Long beforeSeq, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, occurred_at, action, hold_id, reason, actor, "
                + "note, state FROM subscriptions_history WHERE subscription_id = ?" + (beforeSeq == null ? "" : " AND seq < ?")
                + " ORDER BY subscription_id DESC, seq DESC LIMIT " + limit)) {
            select.setString(1, subscriptionId);
            if (beforeSeq != null) {
                select.setLong(2, beforeSeq);
            }
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new HistoryEntry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8)));
                }
            }
            return entries;
        }
    }
}
