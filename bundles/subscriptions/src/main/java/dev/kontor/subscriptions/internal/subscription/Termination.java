package dev.kontor.subscriptions.internal.subscription;

/**
 * {@code POST /api/v1/subscriptions/{id}/terminate} (S6); the body is optional.
 *
 * @param note why, kept in the history
 */
public record Termination(String note) {
}
