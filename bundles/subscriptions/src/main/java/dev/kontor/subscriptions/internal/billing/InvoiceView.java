package dev.kontor.subscriptions.internal.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An invoice as the API shows it (S4, S5). The staff managing the client see who created,
 * paid and cancelled it and the cancellation note; the client's own users do not (those
 * fields are absent for them).
 *
 * @param number the invoice's number, {@code 2026-000123}
 * @param amount the decimal amount as a string, in the currency's usual decimals
 * @param dueAt the last day to pay
 * @param overdue open and past its due date
 * @param description in the reader's language when the panel wrote it (a renewal's); as written when staff did
 * @param renewsExpiry for a renewal invoice, the last day of the term it renews; else null
 * @param steps the non-payment steps taken, in order
 */
public record InvoiceView(String id, String number, String subscriptionId, String clientId, String purpose, String amount, String currency,
        LocalDate dueAt, String state, boolean overdue, String description, LocalDate renewsExpiry, List<Step> steps,
        Instant createdAt, Instant paidAt, String paymentReference, Instant cancelledAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String createdBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String paidBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cancelledBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cancelNote) {

    /**
     * A step of the non-payment run taken for the invoice.
     *
     * @param step {@code suspension_notice}, {@code suspension}, {@code termination_notice} or {@code termination}
     */
    public record Step(String step, Instant doneAt) {
    }

    /** @param reader the reader's language, for a description the panel wrote */
    static InvoiceView of(Invoice invoice, Map<NonPaymentStep, Instant> steps, boolean staff, LocalDate today, Locale reader) {
        List<Step> taken = steps.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new Step(entry.getKey().wire(), entry.getValue())).toList();
        return new InvoiceView(invoice.id(), invoice.number(), invoice.subscriptionId(), invoice.clientId(),
                invoice.purpose().wire(), invoice.amount().amount(), invoice.amount().currency(), invoice.dueOn(),
                invoice.state().wire(), invoice.overdueOn(today), InvoiceDescriptions.of(invoice, reader),
                invoice.renewsExpiry(), taken, invoice.createdAt(),
                invoice.paidAt(), invoice.paymentReference(), invoice.cancelledAt(), staff ? invoice.createdBy() : null,
                staff ? invoice.paidBy() : null, staff ? invoice.cancelledBy() : null, staff ? invoice.cancelNote() : null);
    }
}
