package dev.kontor.clients.internal.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A client that granted the partner access, as the partner's staff see it (C7: "open
 * account" and "disconnect"): the client's name and nothing else of its data (C2).
 *
 * @param organizationId the client's organization, to switch into with
 *        {@code PUT /api/v1/session/organization}
 * @param staff the partner's logins the grant covers (empty: all); only for those who
 *        manage partner access ({@code clients.partner}), null for the others
 */
public record PartnerClient(String grantId, String clientId, String name, String organizationId, String scope,
        List<String> products, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> staff, boolean emailCopy,
        Instant since) {
}
