package dev.kontor.subscriptions.internal.subscription;

/**
 * {@code POST /api/v1/subscriptions/{id}/holds} (S2).
 *
 * @param reason {@code abuse}, {@code operator}, {@code reseller}, {@code non_payment}, {@code expired} or
 *        {@code customer}; the cascades are the system's
 * @param publicNote shown to the client; optional
 * @param internalNote shown to staff only; optional, staff only
 * @param expiresAt when the hold ends by itself, ISO-8601 in UTC; optional, in the future
 */
public record NewHold(String reason, String publicNote, String internalNote, String expiresAt) {
}
