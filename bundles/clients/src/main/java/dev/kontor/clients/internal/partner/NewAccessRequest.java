package dev.kontor.clients.internal.partner;

/**
 * {@code POST /api/v1/clients/{id}/access-requests} (C7).
 *
 * @param scope {@code full} or {@code partial}
 * @param email an address of the client: its contact address or a member's; with the
 *        client's id, what proves the partner knows the client
 * @param senderEmail where the answer and, with full access, copies go (C8); default:
 *        the partner organization's profile address
 * @param message a few lines for the client, optional
 */
public record NewAccessRequest(String scope, String email, String senderEmail, String message) {
}
