package dev.kontor.clients.internal.partner;

import java.util.List;

/** {@code PUT /api/v1/clients/{id}/grants/{grant}/staff} (C10): the partner's logins; empty for all its members. */
public record StaffChange(List<String> userIds) {
}
