package dev.kontor.subscriptions.internal.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Invoice numbers (S4): {@code 2026-000123}, counted per year without gaps, from the one
 * row of {@code subscriptions_invoice_sequence}. Taken in the transaction that creates
 * the invoice: the row stays locked until it ends, so concurrent creations (other
 * threads, other panel nodes) queue instead of sharing a number, and a creation rolled
 * back gives its number back. The year never goes back: a node whose clock lags behind at
 * new year counts on in the year already begun.
 */
final class InvoiceNumbers {

    private InvoiceNumbers() {
    }

    /**
     * The next number, in the caller's transaction.
     *
     * @param year the year of the creation (UTC)
     */
    static String next(Connection connection, int year) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE subscriptions_invoice_sequence SET "
                + "last_number = CASE WHEN invoice_year >= ? THEN last_number + 1 ELSE 1 END, "
                + "invoice_year = GREATEST(invoice_year, ?) WHERE id = 1")) {
            update.setInt(1, year);
            update.setInt(2, year);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("The invoice sequence row is missing; migration V5 writes it");
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT invoice_year, last_number FROM subscriptions_invoice_sequence WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return String.format(Locale.ROOT, "%d-%06d", row.getInt(1), row.getLong(2));
        }
    }
}
