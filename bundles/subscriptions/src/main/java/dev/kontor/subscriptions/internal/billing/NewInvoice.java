package dev.kontor.subscriptions.internal.billing;

/**
 * {@code POST /api/v1/invoices}: an invoice staff create for a subscription.
 *
 * @param amount a decimal amount as a string ({@code "12.50"}); the subscription's price when absent
 * @param currency the subscription's price's currency; needed only for a subscription without a price
 * @param dueAt the last day to pay, {@code YYYY-MM-DD}, today or later; today when absent
 * @param description what it is for, shown to the client; optional
 */
public record NewInvoice(String subscriptionId, String amount, String currency, String dueAt, String description) {
}
