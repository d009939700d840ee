package dev.kontor.subscriptions.internal.billing;

/**
 * {@code POST /api/v1/invoices/{id}/pay}: the payment staff record (the body is optional).
 *
 * @param reference what identifies the payment, e.g. a bank transfer's reference; shown to the client
 */
public record Payment(String reference) {
}
