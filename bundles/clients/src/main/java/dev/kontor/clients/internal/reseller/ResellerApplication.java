package dev.kontor.clients.internal.reseller;

import java.time.Instant;

/**
 * An application of an organization to become a reseller (C9), as the operator and the
 * applicant read it.
 *
 * @param organizationId the applying organization: the reseller's id once approved
 * @param language the applicant's language, for the mail that answers it
 * @param state {@code pending}, {@code approved} or {@code rejected}
 * @param answeredAt when the operator approved or rejected it; null while pending
 * @param rejectionReason why the operator rejected it, shown to the applicant; null otherwise
 */
public record ResellerApplication(String id, String organizationId, String company, String contactName, String email,
        String phone, String website, String message, String language, String state, Instant createdAt, Instant answeredAt,
        String rejectionReason) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    boolean pending() {
        return PENDING.equals(state);
    }
}
