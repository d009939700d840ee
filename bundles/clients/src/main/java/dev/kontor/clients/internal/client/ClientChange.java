package dev.kontor.clients.internal.client;

/**
 * {@code PATCH /api/v1/clients/{id}} (C5): the fields to change; an absent (or null)
 * field stays as it is, an empty string clears an optional one. {@code username} (with
 * or without {@code password}) changes the login of the client's owner; a new password
 * needs the username too, the current one or a new one.
 */
public record ClientChange(String name, String email, String phone, String company, String address, String language,
        String additionalInfo, String description, String username, String password) {

    /** Whether the change touches the owner's login. */
    boolean changesLogin() {
        return username != null || password != null;
    }

    @Override
    public String toString() {
        return "ClientChange[" + username + "]"; // never the password
    }
}
