package dev.kontor.clients.internal.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A partner's request for access to a client (C7), as both sides see it. Nothing of the
 * client but its id is in it.
 *
 * @param email the client's address the request was sent to
 * @param senderEmail where the answer goes; with full access, where copies go (C8)
 * @param state {@code open}, {@code accepted}, {@code declined} or {@code expired} (an open
 *        request past {@code expiresAt})
 * @param products the products chosen when a partial request was accepted
 * @param grantId the grant an accepted request gave, ended or not
 */
public record AccessRequest(String id, String clientId, String partnerOrganizationId, String partnerName, String scope,
        String email, String senderEmail, @JsonInclude(JsonInclude.Include.NON_NULL) String message, String state,
        Instant createdAt, Instant expiresAt, @JsonInclude(JsonInclude.Include.NON_NULL) Instant answeredAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> products,
        @JsonInclude(JsonInclude.Include.NON_NULL) String grantId, @JsonIgnore String partnerLanguage) {

    public static final String FULL = "full";
    public static final String PARTIAL = "partial";
    static final String OPEN = "open";
    static final String ACCEPTED = "accepted";
    static final String DECLINED = "declined";
    static final String EXPIRED = "expired";

    public AccessRequest {
        products = products == null ? List.of() : List.copyOf(products);
    }

    boolean full() {
        return FULL.equals(scope);
    }

    /** The request as of now: an open one past its time shows as expired. */
    AccessRequest asOf(Instant now) {
        return OPEN.equals(state) && !now.isBefore(expiresAt) ? withState(EXPIRED) : this;
    }

    AccessRequest withState(String newState) {
        return new AccessRequest(id, clientId, partnerOrganizationId, partnerName, scope, email, senderEmail, message,
                newState, createdAt, expiresAt, answeredAt, products, grantId, partnerLanguage);
    }

    Locale partnerLocale() {
        return Locale.forLanguageTag(partnerLanguage);
    }
}
