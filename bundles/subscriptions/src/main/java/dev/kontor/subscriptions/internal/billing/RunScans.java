package dev.kontor.subscriptions.internal.billing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The billing run's look at the subscriptions: which ones may need a step now, in
 * batches in (expiry, id) order. A scan only proposes: each step locks its subscription
 * and checks again in its own transaction, so a row that changed meanwhile is passed over.
 */
final class RunScans {

    private RunScans() {
    }

    /** A subscription and the last day of its term: the position of a batch. */
    record Candidate(String id, LocalDate expiresOn) {
    }

    /**
     * Auto-renewing subscriptions, not terminated, whose term ends on or before
     * {@code horizon} and has no renewal invoice yet (S5).
     */
    static List<Candidate> toCharge(Connection connection, LocalDate horizon, Candidate after, int limit) throws SQLException {
        return scan(connection, "auto_renew = TRUE AND expires_on <= ? AND NOT EXISTS (SELECT 1 FROM subscriptions_invoice i "
                + "WHERE i.subscription_id = s.id AND i.renews_expiry = s.expires_on)", "auto_renew, ", horizon, after, limit);
    }

    /** Subscriptions, not terminated, whose term ended before {@code today} and that hold no expired hold yet (S5). */
    static List<Candidate> toExpire(Connection connection, LocalDate today, Candidate after, int limit) throws SQLException {
        return scan(connection, "expires_on < ? AND NOT EXISTS (SELECT 1 FROM subscriptions_hold h WHERE h.subscription_id = s.id "
                + "AND h.reason = 'expired' AND h.lifted_at IS NULL)", "", today, after, limit);
    }

    /** @param leading the equal column in front of the order, so that the index of the condition serves it */
    private static List<Candidate> scan(Connection connection, String condition, String leading, LocalDate day, Candidate after,
            int limit) throws SQLException {
        String position = after == null ? "" : " AND (s.expires_on > ? OR (s.expires_on = ? AND s.id > ?))";
        try (PreparedStatement select = connection.prepareStatement("SELECT s.id, s.expires_on FROM subscriptions_subscription s "
                + "WHERE s.terminated_at IS NULL AND " + condition + position + " ORDER BY " + leading + "expires_on, id LIMIT "
                + limit)) {
            select.setDate(1, Date.valueOf(day));
            if (after != null) {
                select.setDate(2, Date.valueOf(after.expiresOn()));
                select.setDate(3, Date.valueOf(after.expiresOn()));
                select.setString(4, after.id());
            }
            List<Candidate> candidates = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    candidates.add(new Candidate(row.getString(1), row.getDate(2).toLocalDate()));
                }
            }
            return candidates;
        }
    }
}
