package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.subscriptions.SubscriptionState;
import dev.kontor.subscriptions.internal.provisioning.ProvisioningLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one function that decides a subscription's effective state (S1, S2, S6), and the
 * one place that writes it: terminated once terminated, else suspended while any hold
 * is in force, else active. Every change of holds or termination calls
 * {@link #recompute} in its own transaction, with the subscription's row locked.
 *
 * <p>When the state changes, its revision grows by one, and every known provisioner is
 * owed the new revision in the same transaction ({@link ProvisioningLedger#owe}): this
 * is where a change of effective state happens, and so where delivery (S3) hooks in.
 */
public final class EffectiveState {

    /** Precedence (S2): the hold the client is shown first. Ties: the older hold, then the id. */
    static final Comparator<Hold> PRECEDENCE = Comparator.comparing(Hold::reason).thenComparing(Hold::placedAt)
            .thenComparing(Hold::id);

    private EffectiveState() {
    }

    /**
     * Recomputes the subscription's effective state and the hold shown to the client from
     * its holds in force at {@code now} and its termination, and stores both (moving the
     * ETag on) when they differ from what is stored.
     *
     * @param connection the transaction, in which the subscription's row is locked
     * @return the change of state with its new revision; empty when the state stayed
     *         (the shown hold may have changed all the same)
     */
    public static Optional<StateChange> recompute(Connection connection, String subscriptionId, Instant now)
            throws SQLException {
        return recomputeAll(connection, List.of(subscriptionId), now).stream().findFirst();
    }

    /**
     * {@link #recompute} for many subscriptions in a fixed number of statements, whatever
     * their number: a cascade over a client's subscriptions costs what one costs.
     *
     * @param subscriptionIds subscriptions whose rows the transaction has locked
     * @return the changes of state, in no particular order
     */
    public static List<StateChange> recomputeAll(Connection connection, Collection<String> subscriptionIds, Instant now)
            throws SQLException {
        if (subscriptionIds.isEmpty()) {
            return List.of();
        }
        Map<String, Stored> stored = stored(connection, subscriptionIds);
        Map<String, List<Hold>> inForce = HoldStore.inForce(connection, subscriptionIds, now);
        List<StateChange> changes = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_subscription SET state = ?, "
                + "state_revision = ?, shown_hold_id = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            boolean any = false;
            for (String id : subscriptionIds) {
                Stored row = stored.get(id);
                if (row == null) {
                    throw new IllegalStateException("No subscription " + id + " to recompute");
                }
                List<Hold> holds = inForce.getOrDefault(id, List.of());
                SubscriptionState target = row.terminated() ? SubscriptionState.TERMINATED
                        : holds.isEmpty() ? SubscriptionState.ACTIVE : SubscriptionState.SUSPENDED;
                String shown = row.terminated() ? null : holds.stream().min(PRECEDENCE).map(Hold::id).orElse(null);
                if (target == row.state() && Objects.equals(shown, row.shownHoldId())) {
                    continue;
                }
                long revision = target != row.state() ? row.revision() + 1 : row.revision();
                update.setString(1, target.wire());
                update.setLong(2, revision);
                update.setString(3, shown);
                update.setTimestamp(4, Timestamp.from(now));
                update.setString(5, id);
                update.addBatch();
                any = true;
                if (target != row.state()) {
                    changes.add(new StateChange(id, row.state(), target, revision));
                }
            }
            if (any) {
                update.executeBatch();
            }
        }
        // S3: every known provisioner is owed the new revisions, in this transaction; delivery follows its commit.
        ProvisioningLedger.owe(connection, changes.stream().map(StateChange::subscriptionId).toList(), now);
        return changes;
    }

    private static Map<String, Stored> stored(Connection connection, Collection<String> subscriptionIds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, state, state_revision, shown_hold_id, "
                + "terminated_at FROM subscriptions_subscription WHERE id = ANY(?)")) {
            select.setArray(1, SubscriptionStore.idArray(connection, subscriptionIds));
            Map<String, Stored> stored = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getString(1), new Stored(SubscriptionState.valueOf(row.getString(2).toUpperCase(Locale.ROOT)),
                            row.getLong(3), row.getString(4), row.getTimestamp(5) != null));
                }
            }
            return stored;
        }
    }

    private record Stored(SubscriptionState state, long revision, String shownHoldId, boolean terminated) {
    }
}
