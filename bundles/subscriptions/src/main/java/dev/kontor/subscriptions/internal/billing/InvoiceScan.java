package dev.kontor.subscriptions.internal.billing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The non-payment run's look at the overdue invoices (S4), a batch at a time in (due
 * date, id) order, each with the steps taken so far: what the run checks before it opens
 * a step's transaction (where it checks again under the invoice's lock).
 */
final class InvoiceScan {

    private final LocalDate today;

    InvoiceScan(LocalDate today) {
        this.today = today;
    }

    /** An overdue invoice and the steps taken for it, with when. */
    record Overdue(Invoice invoice, Map<NonPaymentStep, Instant> steps) {

        /** The days the steps were taken, in a map the caller may add to. */
        Map<NonPaymentStep, LocalDate> done() {
            return days(steps);
        }
    }

    /** The next batch after that invoice (null: from the start). */
    List<Overdue> next(Connection connection, Overdue after, int limit) throws SQLException {
        List<Invoice> batch = InvoiceStore.overdue(connection, today, after == null ? null : after.invoice().dueOn(),
                after == null ? null : after.invoice().id(), limit);
        Map<String, Map<NonPaymentStep, Instant>> steps = StepStore.of(connection, batch.stream().map(Invoice::id).toList());
        return batch.stream().map(invoice -> new Overdue(invoice, steps.getOrDefault(invoice.id(), Map.of()))).toList();
    }

    /** The days of steps taken at those instants (UTC). */
    static Map<NonPaymentStep, LocalDate> days(Map<NonPaymentStep, Instant> steps) {
        Map<NonPaymentStep, LocalDate> days = new EnumMap<>(NonPaymentStep.class);
        steps.forEach((step, at) -> days.put(step, LocalDate.ofInstant(at, ZoneOffset.UTC)));
        return days;
    }
}
