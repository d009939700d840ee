package dev.kontor.clients.internal.partner;

import java.time.Instant;

/**
 * This module's row beside a grant of the users module that accepting a request gave.
 *
 * @param copyAddress the request's sender address: answers and, while {@code emailCopy}
 *        is on, copies of the client's system mails go there (C8)
 * @param partnerLanguage the requesting login's language, for mails to the partner
 */
record PartnerGrantRow(String grantId, String clientId, String partnerOrganizationId, String requestId, String copyAddress,
        boolean emailCopy, Instant createdAt, String partnerLanguage) {
}
