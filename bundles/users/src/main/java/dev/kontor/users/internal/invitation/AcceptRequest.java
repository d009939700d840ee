package dev.kontor.users.internal.invitation;

/**
 * The body of {@code POST /api/v1/invitations/accept}: the link's token, and for a new
 * login its username, password and optionally display name and language. Without a
 * username the logged-in caller's login joins.
 */
public record AcceptRequest(String token, String username, String password, String displayName, String language) {

    boolean forNewLogin() {
        return username != null && !username.isBlank() || password != null && !password.isEmpty();
    }
}
