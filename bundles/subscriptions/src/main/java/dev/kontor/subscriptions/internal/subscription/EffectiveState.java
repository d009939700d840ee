package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.subscriptions.SubscriptionState;
import dev.kontor.subscriptions.internal.provisioning.ProvisioningLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
        Stored stored = stored(connection, subscriptionId);
        SubscriptionState target;
        String shown;
        if (stored.terminated()) {
            target = SubscriptionState.TERMINATED;
            shown = null;
        } else {
            List<Hold> inForce = HoldStore.inForce(connection, subscriptionId, now);
            target = inForce.isEmpty() ? SubscriptionState.ACTIVE : SubscriptionState.SUSPENDED;
            shown = inForce.stream().min(PRECEDENCE).map(Hold::id).orElse(null);
        }
        if (target == stored.state() && Objects.equals(shown, stored.shownHoldId())) {
            return Optional.empty();
        }
        boolean changed = target != stored.state();
        long revision = changed ? stored.revision() + 1 : stored.revision();
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_subscription SET state = ?, "
                + "state_revision = ?, shown_hold_id = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            update.setString(1, target.wire());
            update.setLong(2, revision);
            update.setString(3, shown);
            update.setTimestamp(4, Timestamp.from(now));
            update.setString(5, subscriptionId);
            update.executeUpdate();
        }
        if (!changed) {
            return Optional.empty();
        }
        // S3: every known provisioner is owed the new revision, in this transaction; delivery follows its commit.
        ProvisioningLedger.owe(connection, subscriptionId, revision, now);
        return Optional.of(new StateChange(subscriptionId, stored.state(), target, revision));
    }

    private static Stored stored(Connection connection, String subscriptionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state, state_revision, shown_hold_id, terminated_at "
                + "FROM subscriptions_subscription WHERE id = ?")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No subscription " + subscriptionId + " to recompute");
                }
                return new Stored(SubscriptionState.valueOf(row.getString(1).toUpperCase(Locale.ROOT)), row.getLong(2),
                        row.getString(3), row.getTimestamp(4) != null);
            }
        }
    }

    private record Stored(SubscriptionState state, long revision, String shownHoldId, boolean terminated) {
    }
}
