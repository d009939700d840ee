package dev.kontor.subscriptions.internal.billing;

/**
 * The query of {@code GET /api/v1/invoices}, as sent.
 *
 * @param state {@code open}, {@code paid} or {@code cancelled}
 * @param overdue {@code true}: open and past the due date; {@code false}: all others
 * @param sort {@code due_at} (the default) or {@code created_at}; with {@code -} in front, descending
 */
public record InvoiceFilter(String state, String subscriptionId, String clientId, String overdue, String sort) {
}
