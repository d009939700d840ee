package dev.kontor.clients.internal.partner;

import java.util.List;

/**
 * {@code POST /api/v1/access-requests/{id}/accept}: for a partial request, the products
 * (module ids) the client chooses; none for full access.
 */
public record AccessAnswer(List<String> products) {
}
