package dev.kontor.subscriptions.internal.subscription;

/**
 * The query of {@code GET /api/v1/subscriptions}, as sent.
 *
 * @param q text the plan or a service's name contains, case-insensitively
 * @param clientId one client's subscriptions
 * @param state {@code active}, {@code suspended} or {@code terminated}
 * @param sort {@code created_at} (the default), {@code expires_at} or {@code plan}; with {@code -} in front, descending
 */
public record SubscriptionFilter(String q, String clientId, String state, String sort) {
}
