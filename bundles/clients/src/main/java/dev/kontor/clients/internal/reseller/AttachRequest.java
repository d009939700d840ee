package dev.kontor.clients.internal.reseller;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A reseller's request that one of the operator's clients join its portfolio (C9).
 *
 * @param clientName the client's name, only for those who manage or are the client: the
 *        operator, the client's own users, and the reseller once the client accepted
 * @param resellerName the reseller organization's name, for the client to know who asks
 * @param email the client's address the request was sent to
 * @param state {@code pending}, {@code accepted}, {@code declined} or {@code withdrawn}
 *        (the client moved elsewhere, or the reseller status ended, before an answer)
 */
public record AttachRequest(String id, String clientId, @JsonInclude(JsonInclude.Include.NON_NULL) String clientName,
        String resellerId, String resellerName, String email, String message, String state, Instant createdAt,
        Instant answeredAt) {

    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    public static final String WITHDRAWN = "withdrawn";

    boolean pending() {
        return PENDING.equals(state);
    }
}
