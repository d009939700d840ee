package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.subscriptions.Subscription;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The provisioning ledger (S3), tables {@code subscriptions_provisioner} and
 * {@code subscriptions_provisioning}: per provisioner and subscription, the state
 * revision owed and the one delivered, with the retry bookkeeping. Every method runs in
 * the caller's transaction.
 *
 * <p>A change of effective state owes the new revision to every provisioner the panel has
 * ever had ({@link #owe}); a provisioner never registered costs nothing. One registered
 * for the first time gets a row for every subscription ({@link #register}); one
 * registered again finds its rows where it left them, the owed ones due.
 */
public final class ProvisioningLedger {

    /** The subscription's revision as stored, for a row {@code d} of subscriptions_provisioning. */
    private static final String STORED_REVISION = "SELECT s.state_revision FROM subscriptions_subscription s "
            + "WHERE s.id = d.subscription_id";

    /** Longest error text kept of a failed attempt. */
    static final int MAX_ERROR = 1000;

    private static final String COLUMNS = "p.provisioner, p.subscription_id, COALESCE(s.client_id, r.client_id), "
            + "p.wanted_revision, p.delivered_revision, p.attempts, p.next_attempt_at, p.last_attempt_at, p.last_error, "
            + "p.failing, s.id IS NULL";
    /** A row's subscription, or its snapshot once its client was removed (C6). */
    private static final String FROM = " FROM subscriptions_provisioning p LEFT JOIN subscriptions_subscription s "
            + "ON s.id = p.subscription_id LEFT JOIN subscriptions_removed r ON r.id = p.subscription_id";

    private ProvisioningLedger() {
    }

    /**
     * Owes every known provisioner the subscriptions at their stored state revision, due
     * now, and wakes the delivery once the transaction has committed. Called where the
     * effective state changes ({@code EffectiveState}) and where a subscription starts;
     * two statements, whatever the number of subscriptions.
     */
    public static void owe(Connection connection, Collection<String> subscriptionIds, Instant now) throws SQLException {
        if (subscriptionIds.isEmpty()) {
            return;
        }
        Array ids = connection.createArrayOf("VARCHAR", subscriptionIds.toArray(new String[0]));
        int owed;
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_provisioning d SET "
                + "wanted_revision = (" + STORED_REVISION + "), next_attempt_at = ? WHERE d.subscription_id = ANY(?) "
                + "AND d.wanted_revision < (" + STORED_REVISION + ")")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, ids);
            owed = update.executeUpdate();
        }
        // Known provisioners without a row yet: the subscription is new to them.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_provisioning "
                + "(provisioner, subscription_id, wanted_revision, attempts, next_attempt_at, failing) "
                + "SELECT k.name, s.id, s.state_revision, 0, ?, FALSE FROM subscriptions_provisioner k "
                + "JOIN subscriptions_subscription s ON s.id = ANY(?) WHERE NOT EXISTS (SELECT 1 FROM "
                + "subscriptions_provisioning d WHERE d.provisioner = k.name AND d.subscription_id = s.id) ON CONFLICT DO NOTHING")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setArray(2, ids);
            owed += insert.executeUpdate();
        }
        if (owed > 0) {
            DeliveryBell.ringAfterCommit();
        }
    }

    /**
     * Records that a provisioner of this name is registered; the first time, owes it
     * every subscription at its current revision.
     *
     * @return whether this was its first registration
     */
    static boolean register(Connection connection, String name, Instant now) throws SQLException {
        boolean first;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_provisioner "
                + "(name, first_registered_at, last_registered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, name);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setTimestamp(3, Timestamp.from(now));
            first = insert.executeUpdate() == 1;
        }
        if (first) {
            backfill(connection, name, now);
        } else {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE subscriptions_provisioner SET last_registered_at = ? WHERE name = ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, name);
                update.executeUpdate();
            }
        }
        return first;
    }

    /**
     * Owes the provisioner every subscription it has no row for, at its current revision:
     * all of them at its first registration, and afterwards those a change committing
     * meanwhile left out (it read the provisioners before this one was known).
     *
     * @return how many rows were added
     */
    static int backfill(Connection connection, String name, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_provisioning "
                + "(provisioner, subscription_id, wanted_revision, attempts, next_attempt_at, failing) "
                + "SELECT ?, s.id, s.state_revision, 0, ?, FALSE FROM subscriptions_subscription s WHERE NOT EXISTS "
                + "(SELECT 1 FROM subscriptions_provisioning d WHERE d.provisioner = ? AND d.subscription_id = s.id) "
                + "ON CONFLICT DO NOTHING")) {
            insert.setString(1, name);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setString(3, name);
            return insert.executeUpdate();
        }
    }

    /**
     * Takes the provisioner's earliest due delivery that no node holds, under a lease for
     * {@code owner} until {@code leaseUntil}. Rows another transaction has locked (a
     * change owing them a newer revision, another node taking them) are skipped. A
     * subscription removed with its client (C6) is delivered as its terminated snapshot
     * ({@link RemovedSubscriptions}); a row of one that left no snapshot is dropped on the way.
     *
     * @param current the subscription as it is now, read in this transaction
     * @return empty when nothing is due
     */
    static Optional<Claim> claim(Connection connection, String name, String owner, Instant now, Instant leaseUntil,
            Function<String, Optional<Subscription>> current) throws SQLException {
        while (true) {
            String subscriptionId;
            int attempts;
            try (PreparedStatement select = connection.prepareStatement("SELECT subscription_id, attempts FROM "
                    + "subscriptions_provisioning WHERE provisioner = ? AND next_attempt_at <= ? AND (lease_until IS NULL "
                    + "OR lease_until < ?) ORDER BY next_attempt_at, subscription_id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                select.setString(1, name);
                select.setTimestamp(2, Timestamp.from(now));
                select.setTimestamp(3, Timestamp.from(now));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    subscriptionId = row.getString(1);
                    attempts = row.getInt(2);
                }
            }
            Optional<Long> revision = revisionOf(connection, subscriptionId);
            Optional<Subscription> subscription = revision.isEmpty() ? Optional.empty() : current.apply(subscriptionId);
            Claim claim;
            if (subscription.isPresent()) {
                claim = new Claim(name, subscription.get(), revision.get(), attempts, false);
            } else {
                Optional<RemovedSubscriptions.Snapshot> removed = RemovedSubscriptions.find(connection, subscriptionId);
                if (removed.isEmpty()) {
                    delete(connection, name, subscriptionId);
                    continue;
                }
                claim = new Claim(name, removed.get().subscription(), removed.get().revision(), attempts, true);
            }
            try (PreparedStatement lease = connection.prepareStatement("UPDATE subscriptions_provisioning SET lease_owner = ?, "
                    + "lease_until = ? WHERE provisioner = ? AND subscription_id = ?")) {
                lease.setString(1, owner);
                lease.setTimestamp(2, Timestamp.from(leaseUntil));
                lease.setString(3, name);
                lease.setString(4, subscriptionId);
                lease.executeUpdate();
            }
            return Optional.of(claim);
        }
    }

    /**
     * Records that the provisioner took the claimed revision: the failure count and
     * state are cleared, and the row is due again at once if a newer revision was owed
     * meanwhile. Nothing happens when the lease was lost to another node, which delivers
     * again (at least once). A removed subscription's snapshot, once delivered, leaves the
     * ledger, and goes itself with its last row.
     *
     * @return whether the lease was still held
     */
    static boolean delivered(Connection connection, Claim claim, String owner, Instant now) throws SQLException {
        if (claim.removed()) {
            RemovedSubscriptions.lock(connection, claim.subscriptionId());
        }
        boolean held;
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_provisioning SET "
                + "delivered_revision = ?, wanted_revision = GREATEST(wanted_revision, ?), attempts = 0, failing = FALSE, "
                + "last_error = NULL, last_attempt_at = ?, lease_owner = NULL, lease_until = NULL, "
                + "next_attempt_at = CASE WHEN wanted_revision > ? THEN CAST(? AS TIMESTAMP) ELSE NULL END "
                + "WHERE provisioner = ? AND subscription_id = ? AND lease_owner = ?")) {
            update.setLong(1, claim.revision());
            update.setLong(2, claim.revision());
            update.setTimestamp(3, Timestamp.from(now));
            update.setLong(4, claim.revision());
            update.setTimestamp(5, Timestamp.from(now));
            update.setString(6, claim.provisioner());
            update.setString(7, claim.subscriptionId());
            update.setString(8, owner);
            held = update.executeUpdate() == 1;
        }
        if (held && claim.removed()) {
            RemovedSubscriptions.settle(connection, claim.provisioner(), claim.subscriptionId());
        }
        return held;
    }

    /**
     * Records a failed attempt: one more attempt, the error, failing once the settings
     * say so, and the next attempt after the pause they give.
     *
     * @return whether the lease was still held
     */
    static boolean failed(Connection connection, Claim claim, String owner, String error, DeliverySettings settings,
            Instant now) throws SQLException {
        int attempts = claim.attempts() + 1;
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_provisioning SET "
                + "attempts = ?, failing = ?, last_error = ?, last_attempt_at = ?, next_attempt_at = ?, lease_owner = NULL, "
                + "lease_until = NULL WHERE provisioner = ? AND subscription_id = ? AND lease_owner = ?")) {
            update.setInt(1, attempts);
            update.setBoolean(2, settings.failingAfter(attempts));
            update.setString(3, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            update.setTimestamp(4, Timestamp.from(now));
            update.setTimestamp(5, Timestamp.from(now.plus(settings.pauseAfter(attempts))));
            update.setString(6, claim.provisioner());
            update.setString(7, claim.subscriptionId());
            update.setString(8, owner);
            return update.executeUpdate() == 1;
        }
    }

    /** Gives a claimed delivery back untried (the worker is stopping): due again at once, for any node. */
    static void release(Connection connection, Claim claim, String owner) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_provisioning SET lease_owner = NULL, "
                + "lease_until = NULL WHERE provisioner = ? AND subscription_id = ? AND lease_owner = ?")) {
            update.setString(1, claim.provisioner());
            update.setString(2, claim.subscriptionId());
            update.setString(3, owner);
            update.executeUpdate();
        }
    }

    /**
     * Makes every owed delivery of the subscription due now, failing ones included.
     *
     * @return how many were made due
     */
    static int retryNow(Connection connection, String subscriptionId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_provisioning SET next_attempt_at = ? "
                + "WHERE subscription_id = ? AND next_attempt_at IS NOT NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, subscriptionId);
            int due = update.executeUpdate();
            if (due > 0) {
                DeliveryBell.ringAfterCommit();
            }
            return due;
        }
    }

    /** The rows of these subscriptions, by subscription, each list in provisioner order. */
    static Map<String, List<ProvisioningRow>> of(Connection connection, Collection<String> subscriptionIds) throws SQLException {
        Map<String, List<ProvisioningRow>> rows = new LinkedHashMap<>();
        if (subscriptionIds.isEmpty()) {
            return rows;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + FROM
                + " WHERE p.subscription_id = ANY(?) ORDER BY p.subscription_id, p.provisioner")) {
            select.setArray(1, connection.createArrayOf("VARCHAR", subscriptionIds.toArray(new String[0])));
            for (ProvisioningRow row : read(select)) {
                rows.computeIfAbsent(row.subscriptionId(), id -> new ArrayList<>()).add(row);
            }
        }
        return rows;
    }

    /**
     * A page of rows in (provisioner, subscription) order, after the given position.
     *
     * @param state only rows in this state; null for all
     * @param afterProvisioner with {@code afterSubscription}, the last row of the previous page; null for the first
     * @param limit how many rows at most
     */
    static List<ProvisioningRow> page(Connection connection, DeliveryState state, String afterProvisioner,
            String afterSubscription, int limit) throws SQLException {
        List<String> conditions = new ArrayList<>();
        if (state != null) {
            conditions.add(switch (state) {
                case FAILING -> "p.failing = TRUE";
                case DELIVERED -> "p.delivered_revision >= p.wanted_revision";
                case PENDING -> "p.failing = FALSE AND (p.delivered_revision IS NULL OR p.delivered_revision < p.wanted_revision)";
            });
        }
        if (afterProvisioner != null) {
            conditions.add("(p.provisioner, p.subscription_id) > (?, ?)");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + FROM + where
                + " ORDER BY p.provisioner, p.subscription_id LIMIT ?")) {
            int index = 1;
            if (afterProvisioner != null) {
                select.setString(index++, afterProvisioner);
                select.setString(index++, afterSubscription);
            }
            select.setInt(index, limit);
            return read(select);
        }
    }

    private static Optional<Long> revisionOf(Connection connection, String subscriptionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state_revision FROM subscriptions_subscription WHERE id = ?")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void delete(Connection connection, String name, String subscriptionId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM subscriptions_provisioning WHERE provisioner = ? AND subscription_id = ?")) {
            delete.setString(1, name);
            delete.setString(2, subscriptionId);
            delete.executeUpdate();
        }
    }

    private static List<ProvisioningRow> read(PreparedStatement select) throws SQLException {
        List<ProvisioningRow> rows = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long delivered = row.getLong(5);
                Long deliveredRevision = row.wasNull() ? null : delivered;
                rows.add(new ProvisioningRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        deliveredRevision, row.getInt(6), instant(row.getTimestamp(7)), instant(row.getTimestamp(8)),
                        row.getString(9), row.getBoolean(10), row.getBoolean(11)));
            }
        }
        return rows;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
