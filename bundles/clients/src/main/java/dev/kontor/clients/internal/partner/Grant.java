package dev.kontor.clients.internal.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kontor.api.users.AccessGrant;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * A grant in force from a client to a partner, as the client's owner and the partner see
 * it (C7, C8, C10).
 *
 * @param scope {@code full} or {@code partial}
 * @param products for partial access, the module ids it covers
 * @param staff the partner's logins that act for the client; empty: all its members
 * @param senderEmail the address of the request that gave it, which gets the copies; null
 *        for access given otherwise than by a request
 * @param since when it was given
 */
public record Grant(String id, String clientId, String partnerOrganizationId, String partnerName, String scope,
        List<String> products, List<String> staff, boolean emailCopy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String senderEmail, Instant since) {

    public Grant {
        products = List.copyOf(products);
        staff = List.copyOf(staff);
    }

    static Grant of(String clientId, AccessGrant grant, String partnerName, PartnerGrantRow row) {
        return new Grant(grant.id(), clientId, grant.granteeOrganizationId(), partnerName,
                grant.full() ? AccessRequest.FULL : AccessRequest.PARTIAL, sorted(grant.products()),
                sorted(grant.granteeUserIds()), row != null && row.emailCopy(), row == null ? null : row.copyAddress(),
                grant.createdAt());
    }

    static List<String> sorted(java.util.Collection<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }
}
