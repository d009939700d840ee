package dev.kontor.subscriptions.internal.billing;

/**
 * {@code POST /api/v1/invoices/{id}/cancel} (the body is optional).
 *
 * @param note why, for staff
 */
public record Cancellation(String note) {
}
