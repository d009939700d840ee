package dev.kontor.clients.internal.client;

/**
 * {@code POST /api/v1/clients}: the client's contact data and the login of its first
 * user, who becomes the owner of the client's organization (C1).
 *
 * @param resellerId the reseller organization the client belongs to; null for the
 *        operator's own client (a reseller's staff always create clients of their own)
 * @param description the internal comment the client never sees (C2); needs {@code clients.internal}
 */
public record NewClient(String name, String email, String phone, String company, String address, String language,
        String additionalInfo, String description, String username, String password, String resellerId) {

    @Override
    public String toString() {
        return "NewClient[" + username + "]"; // never the password, nor personal data in logs
    }
}
