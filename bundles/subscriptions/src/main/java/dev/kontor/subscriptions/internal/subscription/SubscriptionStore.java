package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.TextInput;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.SubscriptionState;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The statements on {@code subscriptions_subscription} and {@code subscriptions_service}; callers bring the transaction. */
final class SubscriptionStore {

    static final String COLUMNS = "id, client_id, plan, starts_on, expires_on, price_minor, price_currency, auto_renew, state, "
            + "state_revision, shown_hold_id, terminated_at, created_at, updated_at, version";

    private SubscriptionStore() {
    }

    static void insert(Connection connection, StoredSubscription subscription) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_subscription (" + COLUMNS
                + ", plan_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, subscription.id());
            insert.setString(2, subscription.clientId());
            insert.setString(3, subscription.plan());
            insert.setDate(4, Date.valueOf(subscription.startsOn()));
            insert.setDate(5, Date.valueOf(subscription.expiresOn()));
            setPrice(insert, 6, subscription.price());
            insert.setBoolean(8, subscription.autoRenew());
            insert.setString(9, subscription.state().wire());
            insert.setLong(10, subscription.stateRevision());
            insert.setString(11, subscription.shownHoldId());
            insert.setTimestamp(12, null);
            insert.setTimestamp(13, Timestamp.from(subscription.createdAt()));
            insert.setTimestamp(14, Timestamp.from(subscription.updatedAt()));
            insert.setLong(15, subscription.version());
            insert.setString(16, TextInput.searchKey(subscription.plan()));
            insert.executeUpdate();
        }
        writeServices(connection, subscription.id(), subscription.services());
    }

    static Optional<StoredSubscription> find(Connection connection, String id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM subscriptions_subscription WHERE id = ?", id);
    }

    /** The subscription, locked until the transaction ends: changes of one subscription are served one after the other. */
    static Optional<StoredSubscription> lock(Connection connection, String id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM subscriptions_subscription WHERE id = ? FOR UPDATE", id);
    }

    /** The ids of a client's subscriptions, locked, in id order (the order every cascade locks in, against deadlocks). */
    static List<String> lockOfClient(Connection connection, String clientId) throws SQLException {
        return List.copyOf(lockOfClients(connection, List.of(clientId)).keySet());
    }

    /** The subscriptions of the clients, locked, in id order: each subscription's id with its client's. */
    static Map<String, String> lockOfClients(Connection connection, Collection<String> clientIds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, client_id FROM subscriptions_subscription WHERE client_id = ANY(?) ORDER BY id FOR UPDATE")) {
            select.setArray(1, idArray(connection, clientIds));
            Map<String, String> clientOf = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    clientOf.put(row.getString(1), row.getString(2));
                }
            }
            return clientOf;
        }
    }

    /** Those of the subscriptions that are not terminated. */
    static Set<String> live(Connection connection, Collection<String> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM subscriptions_subscription WHERE id = ANY(?) AND terminated_at IS NULL")) {
            select.setArray(1, idArray(connection, ids));
            Set<String> live = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    live.add(row.getString(1));
                }
            }
            return live;
        }
    }

    /** A client's subscriptions with their services, oldest first. */
    static List<StoredSubscription> ofClient(Connection connection, String clientId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM subscriptions_subscription WHERE client_id = ? ORDER BY created_at, id")) {
            select.setString(1, clientId);
            return withServices(connection, read(select));
        }
    }

    /** Writes the editable fields of the version read and moves the version on; false when another change came first. */
    static boolean update(Connection connection, StoredSubscription changed, long version, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_subscription SET plan = ?, "
                + "plan_key = ?, starts_on = ?, expires_on = ?, price_minor = ?, price_currency = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?")) {
            update.setString(1, changed.plan());
            update.setString(2, TextInput.searchKey(changed.plan()));
            update.setDate(3, Date.valueOf(changed.startsOn()));
            update.setDate(4, Date.valueOf(changed.expiresOn()));
            setPrice(update, 5, changed.price());
            update.setTimestamp(7, Timestamp.from(now));
            update.setString(8, changed.id());
            update.setLong(9, version);
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM subscriptions_service WHERE subscription_id = ?")) {
            delete.setString(1, changed.id());
            delete.executeUpdate();
        }
        writeServices(connection, changed.id(), changed.services());
        return true;
    }

    /**
     * Moves the revision provisioners are told (S3) on by one, for a change they must
     * apply other than one of state (new services); the state itself moves it in
     * {@link EffectiveState}. The row is locked by the caller.
     */
    static void nextRevision(Connection connection, String id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE subscriptions_subscription SET state_revision = state_revision + 1 WHERE id = ?")) {
            update.setString(1, id);
            update.executeUpdate();
        }
    }

    /** Switches auto-renewal (S5) of a locked subscription and moves the version on. */
    static void setAutoRenew(Connection connection, String id, boolean on, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_subscription SET auto_renew = ?, "
                + "updated_at = ?, version = version + 1 WHERE id = ?")) {
            update.setBoolean(1, on);
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    /** Whether the subscription is terminated; true for one that does not exist, which takes no change either. */
    static boolean terminated(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT terminated_at FROM subscriptions_subscription WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return !row.next() || row.getTimestamp(1) != null;
            }
        }
    }

    /** Marks the subscription terminated; its effective state follows through {@link EffectiveState}. */
    static void markTerminated(Connection connection, String id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE subscriptions_subscription SET terminated_at = ? WHERE id = ? AND terminated_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** Removes a client's subscriptions with their services, holds and history (C6); the number removed. */
    static int deleteOfClient(Connection connection, String clientId) throws SQLException {
        String ofClient = " WHERE subscription_id IN (SELECT id FROM subscriptions_subscription WHERE client_id = ?)";
        for (String table : List.of("subscriptions_service", "subscriptions_hold", "subscriptions_history")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + ofClient)) {
                delete.setString(1, clientId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM subscriptions_subscription WHERE client_id = ?")) {
            delete.setString(1, clientId);
            return delete.executeUpdate();
        }
    }

    /** How many subscriptions a client has, and how many services of a kind they hold. */
    static long countOfClient(Connection connection, String clientId, String serviceKind) throws SQLException {
        String sql = serviceKind == null
                ? "SELECT COUNT(*) FROM subscriptions_subscription WHERE client_id = ?"
                : "SELECT COUNT(*) FROM subscriptions_service WHERE kind = ? AND subscription_id IN "
                        + "(SELECT id FROM subscriptions_subscription WHERE client_id = ?)";
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            if (serviceKind == null) {
                count.setString(1, clientId);
            } else {
                count.setString(1, serviceKind);
                count.setString(2, clientId);
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** A parameter holding a list of ids, for {@code column = ANY(?)} on both databases. */
    static Array idArray(Connection connection, Collection<String> ids) throws SQLException {
        return connection.createArrayOf("VARCHAR", ids.toArray(new String[0]));
    }

    /** Reads the rows of a prepared selection of {@link #COLUMNS}, without services. */
    static List<StoredSubscription> read(PreparedStatement select) throws SQLException {
        List<StoredSubscription> subscriptions = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long minor = row.getLong(6);
                Price price = row.wasNull() ? null : Price.ofMinor(minor, row.getString(7).strip());
                Timestamp terminated = row.getTimestamp(12);
                subscriptions.add(new StoredSubscription(row.getString(1), row.getString(2), row.getString(3),
                        row.getDate(4).toLocalDate(), row.getDate(5).toLocalDate(), price, row.getBoolean(8),
                        SubscriptionState.valueOf(row.getString(9).toUpperCase(Locale.ROOT)), row.getLong(10),
                        row.getString(11), terminated == null ? null : terminated.toInstant(),
                        row.getTimestamp(13).toInstant(), row.getTimestamp(14).toInstant(), row.getLong(15), List.of()));
            }
        }
        return subscriptions;
    }

    /** The subscriptions with their services, read in one statement. */
    static List<StoredSubscription> withServices(Connection connection, List<StoredSubscription> subscriptions)
            throws SQLException {
        if (subscriptions.isEmpty()) {
            return subscriptions;
        }
        Map<String, List<SubscribedService>> services = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT subscription_id, kind, name FROM "
                + "subscriptions_service WHERE subscription_id = ANY(?) ORDER BY subscription_id, service_index")) {
            select.setArray(1, idArray(connection, subscriptions.stream().map(StoredSubscription::id).toList()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    services.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                            .add(new SubscribedService(row.getString(2), row.getString(3)));
                }
            }
        }
        return subscriptions.stream()
                .map(subscription -> subscription.withServices(services.getOrDefault(subscription.id(), List.of()))).toList();
    }

    private static Optional<StoredSubscription> one(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, id);
            return withServices(connection, read(select)).stream().findFirst();
        }
    }

    private static void writeServices(Connection connection, String id, List<SubscribedService> services) throws SQLException {
        if (services.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_service "
                + "(subscription_id, service_index, kind, name, name_key) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < services.size(); i++) {
                SubscribedService service = services.get(i);
                insert.setString(1, id);
                insert.setInt(2, i);
                insert.setString(3, service.kind());
                insert.setString(4, service.name());
                insert.setString(5, TextInput.searchKey(service.name()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setPrice(PreparedStatement statement, int first, Price price) throws SQLException {
        if (price == null) {
            statement.setNull(first, Types.BIGINT);
            statement.setNull(first + 1, Types.CHAR);
        } else {
            statement.setLong(first, price.minorUnits());
            statement.setString(first + 1, price.currency());
        }
    }
}
