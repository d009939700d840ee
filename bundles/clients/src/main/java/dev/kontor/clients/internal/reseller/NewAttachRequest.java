package dev.kontor.clients.internal.reseller;

/**
 * {@code POST /api/v1/clients/{id}/attach-requests}: a reseller asks one of the operator's
 * clients to join its portfolio (C9).
 *
 * @param email one of the client's addresses: its contact address or a member's; the
 *        request is sent there, and the client is found only with it
 * @param message a note to the client; optional
 */
public record NewAttachRequest(String email, String message) {
}
