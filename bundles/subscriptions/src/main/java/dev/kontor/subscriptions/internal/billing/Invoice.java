package dev.kontor.subscriptions.internal.billing;

import dev.kontor.subscriptions.internal.subscription.Price;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An invoice as stored (S4, S5).
 *
 * @param number the human-readable number, {@code 2026-000123} ({@link InvoiceNumbers}); unique
 * @param amount what is owed, in the subscription's currency
 * @param dueOn the last day to pay; overdue from the day after
 * @param description what staff wrote; null when none, or when the panel describes it by {@code descriptionKey}
 * @param descriptionKey the label of a description the panel wrote ({@link InvoiceDescriptions}); null for staff's own
 * @param descriptionArgs the label's arguments, form-encoded; null without a label
 * @param renewsExpiry for a renewal invoice, the last day of the term it renews; else null
 * @param createdBy the user id of who created it, or {@code system} for the renewal run
 * @param paymentReference what the payment was recorded with (a bank reference); may be null
 */
public record Invoice(String id, String number, String subscriptionId, String clientId, InvoicePurpose purpose, Price amount,
        LocalDate dueOn, InvoiceState state, String description, String descriptionKey, String descriptionArgs,
        LocalDate renewsExpiry, Instant createdAt, String createdBy, Instant paidAt,
        String paidBy, String paymentReference, Instant cancelledAt, String cancelledBy, String cancelNote) {

    /** Whether it is open and its due date has passed by that day. */
    public boolean overdueOn(LocalDate today) {
        return state == InvoiceState.OPEN && today.isAfter(dueOn);
    }
}
