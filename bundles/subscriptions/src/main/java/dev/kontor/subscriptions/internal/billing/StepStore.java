package dev.kontor.subscriptions.internal.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The statements on {@code subscriptions_invoice_step}: the non-payment steps taken (S4). */
final class StepStore {

    private StepStore() {
    }

    /**
     * Records a step as taken. The primary key refuses a second record of the step
     * (unique violation), whatever node tries.
     */
    static void insert(Connection connection, String invoiceId, NonPaymentStep step, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO subscriptions_invoice_step (invoice_id, step, done_at) VALUES (?, ?, ?)")) {
            insert.setString(1, invoiceId);
            insert.setString(2, step.wire());
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** The steps taken for the invoice, with when. */
    static Map<NonPaymentStep, Instant> of(Connection connection, String invoiceId) throws SQLException {
        Map<NonPaymentStep, Instant> steps = new EnumMap<>(NonPaymentStep.class);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT step, done_at FROM subscriptions_invoice_step WHERE invoice_id = ?")) {
            select.setString(1, invoiceId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    steps.put(NonPaymentStep.ofWire(row.getString(1)).orElseThrow(), row.getTimestamp(2).toInstant());
                }
            }
        }
        return steps;
    }

    /** The steps taken for each of the invoices, with when; invoices without any are left out. */
    static Map<String, Map<NonPaymentStep, Instant>> of(Connection connection, Collection<String> invoiceIds)
            throws SQLException {
        Map<String, Map<NonPaymentStep, Instant>> steps = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return steps;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT invoice_id, step, done_at FROM subscriptions_invoice_step WHERE invoice_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("VARCHAR", invoiceIds.toArray(new String[0])));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    steps.computeIfAbsent(row.getString(1), id -> new EnumMap<>(NonPaymentStep.class))
                            .put(NonPaymentStep.ofWire(row.getString(2)).orElseThrow(), row.getTimestamp(3).toInstant());
                }
            }
        }
        return steps;
    }
}
