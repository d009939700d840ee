package dev.kontor.subscriptions.internal.billing;

import dev.kontor.subscriptions.internal.subscription.Price;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The statements on {@code subscriptions_invoice}; callers bring the transaction. */
final class InvoiceStore {

    static final String COLUMNS = "id, subscription_id, client_id, purpose, amount_minor, currency, due_on, state, description, "
            + "renews_expiry, created_at, created_by, paid_at, paid_by, payment_reference, cancelled_at, cancelled_by, "
            + "cancel_note, number, description_key, description_args";
    /** {@link #COLUMNS} of the invoice aliased {@code i}, for selections that join. */
    private static final String ALIASED = COLUMNS.replaceAll("(^|, )", "$1i.");

    private InvoiceStore() {
    }

    static void insert(Connection connection, Invoice invoice) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subscriptions_invoice (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, invoice.id());
            insert.setString(2, invoice.subscriptionId());
            insert.setString(3, invoice.clientId());
            insert.setString(4, invoice.purpose().wire());
            insert.setLong(5, invoice.amount().minorUnits());
            insert.setString(6, invoice.amount().currency());
            insert.setDate(7, Date.valueOf(invoice.dueOn()));
            insert.setString(8, invoice.state().wire());
            insert.setString(9, invoice.description());
            insert.setDate(10, invoice.renewsExpiry() == null ? null : Date.valueOf(invoice.renewsExpiry()));
            insert.setTimestamp(11, Timestamp.from(invoice.createdAt()));
            insert.setString(12, invoice.createdBy());
            insert.setTimestamp(13, timestamp(invoice.paidAt()));
            insert.setString(14, invoice.paidBy());
            insert.setString(15, invoice.paymentReference());
            insert.setTimestamp(16, timestamp(invoice.cancelledAt()));
            insert.setString(17, invoice.cancelledBy());
            insert.setString(18, invoice.cancelNote());
            insert.setString(19, invoice.number());
            insert.setString(20, invoice.descriptionKey());
            insert.setString(21, invoice.descriptionArgs());
            insert.executeUpdate();
        }
    }

    static Optional<Invoice> find(Connection connection, String id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM subscriptions_invoice WHERE id = ?", id);
    }

    /** The invoice, locked until the transaction ends: the run's steps, payment and cancellation of one invoice queue up. */
    static Optional<Invoice> lock(Connection connection, String id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM subscriptions_invoice WHERE id = ? FOR UPDATE", id);
    }

    /** Whether the term ending on that day of the subscription has its renewal invoice (in any state). */
    static boolean renewalExists(Connection connection, String subscriptionId, LocalDate renewsExpiry) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM subscriptions_invoice WHERE subscription_id = ? AND renews_expiry = ?")) {
            select.setString(1, subscriptionId);
            select.setDate(2, Date.valueOf(renewsExpiry));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static void markPaid(Connection connection, String id, Instant at, String by, String reference) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_invoice SET state = 'paid', "
                + "paid_at = ?, paid_by = ?, payment_reference = ? WHERE id = ? AND state = 'open'")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, by);
            update.setString(3, reference);
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    static void markCancelled(Connection connection, String id, Instant at, String by, String note) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_invoice SET state = 'cancelled', "
                + "cancelled_at = ?, cancelled_by = ?, cancel_note = ? WHERE id = ? AND state = 'open'")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, by);
            update.setString(3, note);
            update.setString(4, id);
            update.executeUpdate();
        }
    }

    /**
     * Open invoices due before {@code today} whose subscription is not terminated, in the
     * order (due date, id), after the given position: what the non-payment run looks at.
     *
     * @param afterDue with {@code afterId}, the last invoice of the previous batch; null for the first
     */
    static List<Invoice> overdue(Connection connection, LocalDate today, LocalDate afterDue, String afterId, int limit)
            throws SQLException {
        String after = afterDue == null ? "" : " AND (i.due_on > ? OR (i.due_on = ? AND i.id > ?))";
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ALIASED
                + " FROM subscriptions_invoice i JOIN subscriptions_subscription s ON s.id = i.subscription_id "
                + "WHERE i.state = 'open' AND i.due_on < ? AND s.terminated_at IS NULL" + after
                + " ORDER BY i.state, i.due_on, i.id LIMIT " + limit)) {
            select.setDate(1, Date.valueOf(today));
            if (afterDue != null) {
                select.setDate(2, Date.valueOf(afterDue));
                select.setDate(3, Date.valueOf(afterDue));
                select.setString(4, afterId);
            }
            return read(select);
        }
    }

    /** Removes the client's invoices with their steps (C6); the number removed. */
    static int deleteOfClient(Connection connection, String clientId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM subscriptions_invoice_step WHERE invoice_id IN "
                + "(SELECT id FROM subscriptions_invoice WHERE client_id = ?)")) {
            delete.setString(1, clientId);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM subscriptions_invoice WHERE client_id = ?")) {
            delete.setString(1, clientId);
            return delete.executeUpdate();
        }
    }

    static long countOfClient(Connection connection, String clientId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM subscriptions_invoice WHERE client_id = ?")) {
            count.setString(1, clientId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Reads the rows of a prepared selection of {@link #COLUMNS}. */
    static List<Invoice> read(PreparedStatement select) throws SQLException {
        List<Invoice> invoices = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Date renews = row.getDate(10);
                invoices.add(new Invoice(row.getString(1), row.getString(19), row.getString(2), row.getString(3),
                        InvoicePurpose.ofWire(row.getString(4)).orElseThrow(),
                        Price.ofMinor(row.getLong(5), row.getString(6).strip()), row.getDate(7).toLocalDate(),
                        InvoiceState.ofWire(row.getString(8).toLowerCase(Locale.ROOT)).orElseThrow(), row.getString(9),
                        row.getString(20), row.getString(21), renews == null ? null : renews.toLocalDate(), row.getTimestamp(11).toInstant(), row.getString(12),
                        instant(row.getTimestamp(13)), row.getString(14), row.getString(15), instant(row.getTimestamp(16)),
                        row.getString(17), row.getString(18)));
            }
        }
        return invoices;
    }

    private static Optional<Invoice> one(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, id);
            return read(select).stream().findFirst();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
