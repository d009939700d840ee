package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A subscription's term and its renewal (S5), for the billing part of this module: the
 * invoices and the renewal run work on subscriptions only through here, in the caller's
 * transaction.
 *
 * <p>A renewal adds one term: the new term starts the day after the old one's last day
 * and is as long as the current term, in whole months (the current term's length rounded
 * to the nearest month, at least one), so a yearly subscription renews for a year and a
 * monthly one for a month. Renewing lifts the subscription's {@code expired} holds: a
 * renewal is what ends them.
 */
public final class Terms {

    private Terms() {
    }

    /** The subscription, locked until the transaction ends; empty when there is none. */
    public static Optional<StoredSubscription> lock(Connection connection, String subscriptionId) throws SQLException {
        return TextInput.plausibleId(subscriptionId) ? SubscriptionStore.lock(connection, subscriptionId) : Optional.empty();
    }

    /** The subscription as stored; empty when there is none. */
    public static Optional<StoredSubscription> find(Connection connection, String subscriptionId) throws SQLException {
        return TextInput.plausibleId(subscriptionId) ? SubscriptionStore.find(connection, subscriptionId) : Optional.empty();
    }

    /** The length of the subscription's current term in whole months: what a renewal adds. */
    public static int months(StoredSubscription subscription) {
        Period term = Period.between(subscription.startsOn(), subscription.expiresOn().plusDays(1));
        long months = term.toTotalMonths() + (term.getDays() >= 15 ? 1 : 0);
        return (int) Math.max(1, Math.min(months, 1200));
    }

    /** The last day of the term after the current one. */
    public static LocalDate renewedExpiry(StoredSubscription subscription) {
        return subscription.expiresOn().plusDays(1).plusMonths(months(subscription)).minusDays(1);
    }

    /**
     * Renews the subscription, which the caller has locked: one more term (see above),
     * its {@code expired} holds lifted, a history entry. Not for terminated subscriptions.
     *
     * @param actor the user id of who renewed it, or {@link Hold#SYSTEM}
     * @param note why, for the history
     * @return the new last day of the term
     * @throws ProblemException 409 {@code subscription-terminated}; 409 {@code renewal-too-far} past the year 9999
     */
    public static LocalDate renew(Connection connection, StoredSubscription subscription, String actor, String note,
            Instant now) throws SQLException {
        if (subscription.terminated()) {
            throw SubscriptionScope.terminated();
        }
        LocalDate startsOn = subscription.expiresOn().plusDays(1);
        LocalDate expiresOn = renewedExpiry(subscription);
        if (expiresOn.isAfter(Dates.LATEST)) {
            throw new ProblemException(409, "renewal-too-far", "The subscription runs until " + subscription.expiresOn()
                    + "; another term would end after " + Dates.LATEST + ".");
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_subscription SET starts_on = ?, "
                + "expires_on = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            update.setDate(1, Date.valueOf(startsOn));
            update.setDate(2, Date.valueOf(expiresOn));
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, subscription.id());
            update.executeUpdate();
        }
        SystemHolds.liftIn(connection, subscription.id(), HoldReason.EXPIRED, null, "renewed until " + expiresOn, now);
        History.append(connection, subscription.id(), HistoryEntry.RENEWED, null, actor,
                (note == null ? "" : note + ": ") + "term " + startsOn + " to " + expiresOn, now);
        return expiresOn;
    }
}
