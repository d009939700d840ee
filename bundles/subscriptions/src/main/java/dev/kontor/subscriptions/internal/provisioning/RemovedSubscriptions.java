package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.Subscription;
import dev.kontor.api.subscriptions.SubscriptionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions removed with their client (C6) that provisioners are still owed (S3),
 * tables {@code subscriptions_removed} and {@code subscriptions_removed_service}: a
 * terminated snapshot at the revision after the subscription's last, delivered through
 * the same ledger rows, retries and lease as any state, and dropped once no provisioner
 * is owed it. Every method runs in the caller's transaction.
 *
 * <p>Only the provisioners known at the removal are owed the snapshot: one first
 * registered later never ran the removed subscription's services. A known provisioner
 * that had already taken the subscription's termination is owed nothing more.
 */
public final class RemovedSubscriptions {

    /** The subscriptions of the client being removed, as a condition on {@code r.id}, one parameter (the client id). */
    private static final String OF_CLIENT = "r.id IN (SELECT id FROM subscriptions_subscription WHERE client_id = ?)";

    private RemovedSubscriptions() {
    }

    /**
     * Before the client's subscriptions are deleted (with their rows locked): keeps the
     * terminated snapshot of each that some known provisioner has not taken as terminated,
     * owes it to every such provisioner (due now, the delivery woken after commit) and
     * drops the ledger rows that owe nothing any more.
     *
     * @return how many snapshots were kept
     */
    public static int oweOfClient(Connection connection, String clientId, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        int kept = execute(connection, "INSERT INTO subscriptions_removed (id, client_id, plan, expires_on, auto_renew, "
                + "final_revision, removed_at) SELECT s.id, s.client_id, s.plan, s.expires_on, s.auto_renew, "
                + "s.state_revision + 1, ? FROM subscriptions_subscription s WHERE s.client_id = ? AND EXISTS "
                + "(SELECT 1 FROM subscriptions_provisioner k WHERE NOT EXISTS (SELECT 1 FROM subscriptions_provisioning d "
                + "WHERE d.provisioner = k.name AND d.subscription_id = s.id AND s.state = 'terminated' "
                + "AND d.delivered_revision >= s.state_revision))", at, clientId);
        if (kept > 0) {
            execute(connection, "INSERT INTO subscriptions_removed_service (subscription_id, service_index, kind, name) "
                    + "SELECT v.subscription_id, v.service_index, v.kind, v.name FROM subscriptions_service v "
                    + "JOIN subscriptions_removed r ON r.id = v.subscription_id WHERE " + OF_CLIENT, clientId);
            // A known provisioner without a row of it (its first registration still settling) may run its services all the same.
            execute(connection, "INSERT INTO subscriptions_provisioning (provisioner, subscription_id, wanted_revision, "
                    + "attempts, next_attempt_at, failing) SELECT k.name, r.id, r.final_revision, 0, ?, FALSE "
                    + "FROM subscriptions_provisioner k JOIN subscriptions_removed r ON " + OF_CLIENT + " WHERE NOT EXISTS "
                    + "(SELECT 1 FROM subscriptions_provisioning d WHERE d.provisioner = k.name AND d.subscription_id = r.id) "
                    + "ON CONFLICT DO NOTHING", at, clientId);
        }
        // Provisioners that took the termination already are owed nothing: their rows go now, with the subscription.
        execute(connection, "DELETE FROM subscriptions_provisioning d WHERE EXISTS (SELECT 1 FROM subscriptions_subscription s "
                + "WHERE s.id = d.subscription_id AND s.client_id = ? AND s.state = 'terminated' "
                + "AND d.delivered_revision >= s.state_revision)", clientId);
        if (kept > 0) {
            execute(connection, "UPDATE subscriptions_provisioning d SET wanted_revision = (SELECT r.final_revision FROM "
                    + "subscriptions_removed r WHERE r.id = d.subscription_id), next_attempt_at = ? WHERE d.subscription_id IN "
                    + "(SELECT r.id FROM subscriptions_removed r WHERE " + OF_CLIENT + ")", at, clientId);
            DeliveryBell.ringAfterCommit();
        }
        return kept;
    }

    /** The removed subscription's terminated snapshot with its final revision; empty when there is none (any more). */
    static Optional<Snapshot> find(Connection connection, String subscriptionId) throws SQLException {
        String clientId;
        String plan;
        LocalDate expiresOn;
        boolean autoRenew;
        long revision;
        try (PreparedStatement select = connection.prepareStatement("SELECT client_id, plan, expires_on, auto_renew, "
                + "final_revision FROM subscriptions_removed WHERE id = ?")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                clientId = row.getString(1);
                plan = row.getString(2);
                expiresOn = row.getDate(3).toLocalDate();
                autoRenew = row.getBoolean(4);
                revision = row.getLong(5);
            }
        }
        List<SubscribedService> services = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, name FROM subscriptions_removed_service "
                + "WHERE subscription_id = ? ORDER BY service_index")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    services.add(new SubscribedService(row.getString(1), row.getString(2)));
                }
            }
        }
        return Optional.of(new Snapshot(new Subscription(subscriptionId, clientId, plan, SubscriptionState.TERMINATED,
                expiresOn, autoRenew, services), revision));
    }

    /**
     * Locks the snapshot, so that the provisioners' deliveries of one removed subscription
     * settle one after the other and the last of them sees that it is the last.
     */
    static void lock(Connection connection, String subscriptionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM subscriptions_removed WHERE id = ? FOR UPDATE")) {
            select.setString(1, subscriptionId);
            select.executeQuery().close();
        }
    }

    /**
     * After a delivery of the snapshot was recorded (with the snapshot {@link #lock locked}):
     * the provisioner's row goes when it has the final revision, and the snapshot goes
     * with the last row.
     */
    static void settle(Connection connection, String provisioner, String subscriptionId) throws SQLException {
        execute(connection, "DELETE FROM subscriptions_provisioning WHERE provisioner = ? AND subscription_id = ? "
                + "AND delivered_revision >= wanted_revision", provisioner, subscriptionId);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM subscriptions_provisioning WHERE subscription_id = ? LIMIT 1")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        execute(connection, "DELETE FROM subscriptions_removed_service WHERE subscription_id = ?", subscriptionId);
        execute(connection, "DELETE FROM subscriptions_removed WHERE id = ?", subscriptionId);
    }

    /** Whether a snapshot of the subscription is kept. */
    static boolean exists(Connection connection, String subscriptionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM subscriptions_removed WHERE id = ?")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Runs a statement with its parameters in order; the number of rows it changed. */
    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** A removed subscription as provisioners are told of it: terminated, at its final revision. */
    record Snapshot(Subscription subscription, long revision) {
    }
}
