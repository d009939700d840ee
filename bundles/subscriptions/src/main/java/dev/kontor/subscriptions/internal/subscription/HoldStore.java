package dev.kontor.subscriptions.internal.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The statements on {@code subscriptions_hold}; callers bring the transaction and lock the subscription first. */
final class HoldStore {

    private static final String COLUMNS = "id, subscription_id, reason, source_id, placed_by, placed_by_organization, placed_at, "
            + "public_note, internal_note, expires_at, lifted_at, lifted_by, lift_note";
    /** Not lifted and not past its expiry at the parameter's time. */
    private static final String IN_FORCE = "lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)";

    private static final String LIFT = "UPDATE subscriptions_hold SET lifted_at = ?, lifted_by = ?, lift_note = ? "
            + "WHERE id = ? AND lifted_at IS NULL";

    private HoldStore() {
    }

    static void insert(Connection connection, Hold hold) throws SQLException {
        insertAll(connection, List.of(hold));
    }

    /** Inserts the holds in one batch. */
    static void insertAll(Connection connection, List<Hold> holds) throws SQLException {
        if (holds.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_hold (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Hold hold : holds) {
                insert.setString(1, hold.id());
                insert.setString(2, hold.subscriptionId());
                insert.setString(3, hold.reason().wire());
                insert.setString(4, hold.sourceId());
                insert.setString(5, hold.placedBy());
                insert.setString(6, hold.placedByOrganization());
                insert.setTimestamp(7, Timestamp.from(hold.placedAt()));
                insert.setString(8, hold.publicNote());
                insert.setString(9, hold.internalNote());
                insert.setTimestamp(10, timestamp(hold.expiresAt()));
                insert.setTimestamp(11, timestamp(hold.liftedAt()));
                insert.setString(12, hold.liftedBy());
                insert.setString(13, hold.liftNote());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<Hold> find(Connection connection, String subscriptionId, String holdId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM subscriptions_hold WHERE id = ? AND subscription_id = ?")) {
            select.setString(1, holdId);
            select.setString(2, subscriptionId);
            return read(select).stream().findFirst();
        }
    }

    /** The holds of the subscription in force at that moment. */
    static List<Hold> inForce(Connection connection, String subscriptionId, Instant now) throws SQLException {
        return inForce(connection, List.of(subscriptionId), now).getOrDefault(subscriptionId, List.of());
    }

    /** The holds in force at that moment of each of the subscriptions that has any. */
    static Map<String, List<Hold>> inForce(Connection connection, Collection<String> subscriptionIds, Instant now)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM subscriptions_hold WHERE subscription_id = ANY(?) AND " + IN_FORCE)) {
            select.setArray(1, SubscriptionStore.idArray(connection, subscriptionIds));
            select.setTimestamp(2, Timestamp.from(now));
            return read(select).stream().collect(Collectors.groupingBy(Hold::subscriptionId));
        }
    }

    /** Holds by id, for showing the hold that precedence puts first; the ids that name no hold are left out. */
    static List<Hold> byIds(Connection connection, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM subscriptions_hold WHERE id = ANY(?)")) {
            select.setArray(1, SubscriptionStore.idArray(connection, ids));
            return read(select);
        }
    }

    /**
     * One page of a subscription's holds, newest first, after the hold of the cursor
     * (its placing time and id), {@code limit} rows at most.
     */
    static List<Hold> page(Connection connection, String subscriptionId, Instant afterPlacedAt, String afterId, int limit)
            throws SQLException {
        String after = afterId == null ? "" : " AND (placed_at <= ? AND (placed_at < ? OR id < ?))";
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM subscriptions_hold "
                + "WHERE subscription_id = ?" + after + " ORDER BY subscription_id DESC, placed_at DESC, id DESC LIMIT " + limit)) {
            select.setString(1, subscriptionId);
            if (afterId != null) {
                select.setTimestamp(2, Timestamp.from(afterPlacedAt));
                select.setTimestamp(3, Timestamp.from(afterPlacedAt));
                select.setString(4, afterId);
            }
            return read(select);
        }
    }

    /** Records the end of a hold; false when it had ended already. */
    static boolean lift(Connection connection, String holdId, Instant at, String by, String note) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(LIFT)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, by);
            update.setString(3, note);
            update.setString(4, holdId);
            return update.executeUpdate() == 1;
        }
    }

    /** Records the end of holds that the caller found not lifted under the lock of their subscriptions, in one batch. */
    static void liftAll(Connection connection, List<Hold> holds, Instant at, String by, String note) throws SQLException {
        if (holds.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(LIFT)) {
            for (Hold hold : holds) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setString(2, by);
                update.setString(3, note);
                update.setString(4, hold.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * The holds of the reason that are not lifted, on those of the subscriptions that are
     * not terminated, in the order they were placed.
     */
    static List<Hold> unliftedOnLive(Connection connection, Collection<String> subscriptionIds, HoldReason reason)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + prefixed("h") + " FROM subscriptions_hold h "
                + "JOIN subscriptions_subscription s ON s.id = h.subscription_id WHERE h.subscription_id = ANY(?) "
                + "AND h.reason = ? AND h.lifted_at IS NULL AND s.terminated_at IS NULL ORDER BY h.placed_at, h.id")) {
            select.setArray(1, SubscriptionStore.idArray(connection, subscriptionIds));
            select.setString(2, reason.wire());
            return read(select);
        }
    }

    private static String prefixed(String alias) {
        return Arrays.stream(COLUMNS.split(", ")).map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    /** The clients with a subscription held by a hold of the reason from the source that is not lifted, in id order. */
    static Set<String> clientsHeldBy(Connection connection, HoldReason reason, String sourceId) throws SQLException {
        return new LinkedHashSet<>(strings(connection, "SELECT DISTINCT s.client_id FROM subscriptions_hold h "
                + "JOIN subscriptions_subscription s ON s.id = h.subscription_id WHERE h.source_id = ? AND h.reason = ? "
                + "AND h.lifted_at IS NULL ORDER BY s.client_id", sourceId, reason.wire()));
    }

    /** Every source of not lifted holds of a cascade reason: the clients or resellers whose suspension holds something. */
    static Set<String> sourcesOf(Connection connection, HoldReason reason) throws SQLException {
        return new LinkedHashSet<>(strings(connection, "SELECT DISTINCT source_id FROM subscriptions_hold "
                + "WHERE reason = ? AND lifted_at IS NULL ORDER BY source_id", reason.wire()));
    }

    /**
     * Subscriptions not terminated with a hold past its expiry that is not lifted yet, at
     * most {@code limit}, in id order. (A terminated subscription's holds stay as they were, S6.)
     */
    static List<String> withLapsedHolds(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT h.subscription_id FROM subscriptions_hold h "
                + "JOIN subscriptions_subscription s ON s.id = h.subscription_id WHERE h.expires_at <= ? AND h.lifted_at IS NULL "
                + "AND s.terminated_at IS NULL ORDER BY h.subscription_id LIMIT " + limit)) {
            select.setTimestamp(1, Timestamp.from(now));
            List<String> ids = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            return ids;
        }
    }

    /** The holds of the subscription past their expiry and not lifted yet. */
    static List<Hold> lapsed(Connection connection, String subscriptionId, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM subscriptions_hold "
                + "WHERE subscription_id = ? AND expires_at <= ? AND lifted_at IS NULL ORDER BY expires_at, id")) {
            select.setString(1, subscriptionId);
            select.setTimestamp(2, Timestamp.from(now));
            return read(select);
        }
    }

    private static List<Hold> read(PreparedStatement select) throws SQLException {
        List<Hold> holds = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                holds.add(new Hold(row.getString(1), row.getString(2), HoldReason.ofWire(row.getString(3)).orElseThrow(),
                        row.getString(4), row.getString(5), row.getString(6), row.getTimestamp(7).toInstant(),
                        row.getString(8), row.getString(9), instant(row.getTimestamp(10)), instant(row.getTimestamp(11)),
                        row.getString(12), row.getString(13)));
            }
        }
        return holds;
    }

    private static List<String> strings(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            List<String> result = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    result.add(row.getString(1));
                }
            }
            return result;
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
