package dev.kontor.clients.internal.client;

import java.util.List;

/**
 * {@code POST /api/v1/clients/bulk} (C3, C4, C6).
 *
 * @param action {@code suspend}, {@code activate} or {@code delete}
 * @param ids the selected clients
 * @param reason why, as the operator puts it; kept with a suspension and in the audit trail
 */
public record BulkRequest(String action, List<String> ids, String reason) {
}
