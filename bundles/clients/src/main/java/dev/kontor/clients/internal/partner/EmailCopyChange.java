package dev.kontor.clients.internal.partner;

/** {@code PUT /api/v1/clients/{id}/grants/{grant}/email-copy} (C8). */
public record EmailCopyChange(Boolean enabled) {
}
