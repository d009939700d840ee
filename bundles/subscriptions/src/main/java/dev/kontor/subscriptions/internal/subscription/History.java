package dev.kontor.subscriptions.internal.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        appendAll(connection, List.of(new Entry(subscriptionId, action, hold, actor, note)), at);
    }

    /** {@link #append} for many entries in a fixed number of statements; one subscription's entries are numbered in list order. */
    static void appendAll(Connection connection, List<Entry> entries, Instant at) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(entry -> ids.add(entry.subscriptionId()));
        Map<String, String> states = new HashMap<>();
        Map<String, Long> lastSeq = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT s.id, s.state, (SELECT COALESCE(MAX(h.seq), 0) "
                + "FROM subscriptions_history h WHERE h.subscription_id = s.id) FROM subscriptions_subscription s WHERE s.id = ANY(?)")) {
            select.setArray(1, SubscriptionStore.idArray(connection, ids));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    states.put(row.getString(1), row.getString(2));
                    lastSeq.put(row.getString(1), row.getLong(3));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_history (subscription_id, seq, "
                + "occurred_at, action, hold_id, reason, actor, note, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry entry : entries) {
                String state = states.get(entry.subscriptionId());
                if (state == null) {
                    throw new IllegalStateException("No subscription " + entry.subscriptionId() + " to record history of");
                }
                insert.setString(1, entry.subscriptionId());
                insert.setLong(2, lastSeq.merge(entry.subscriptionId(), 1L, Long::sum));
                insert.setTimestamp(3, Timestamp.from(at));
                insert.setString(4, entry.action());
                insert.setString(5, entry.hold() == null ? null : entry.hold().id());
                insert.setString(6, entry.hold() == null ? null : entry.hold().reason().wire());
                insert.setString(7, entry.actor());
                insert.setString(8, entry.note());
                insert.setString(9, state);
                insert.addBatch();
            }
            insert.executeBatch();
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

    /** An entry to append: what happened to which subscription, by whom, why. */
    record Entry(String subscriptionId, String action, Hold hold, String actor, String note) {
    }
}
