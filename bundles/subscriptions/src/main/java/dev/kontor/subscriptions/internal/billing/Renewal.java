package dev.kontor.subscriptions.internal.billing;

import dev.kontor.subscriptions.internal.subscription.SubscriptionView;

/**
 * The answer of {@code POST /api/v1/subscriptions/{id}/renew}.
 *
 * @param subscription the subscription with its new term
 * @param invoice the renewal invoice the renewal made, as the caller may see it; null when the
 *        subscription has no price, the term had its invoice already, or the caller may not see invoices
 */
public record Renewal(SubscriptionView subscription, InvoiceView invoice) {
}
