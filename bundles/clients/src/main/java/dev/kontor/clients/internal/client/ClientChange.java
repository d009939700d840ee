package dev.kontor.clients.internal.client;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code PATCH /api/v1/clients/{id}} (C5): the fields to change; an absent (or null)
 * field stays as it is, an empty string clears an optional one. {@code username} (with
 * or without {@code password}) changes the login of the client's owner; a new password
 * needs the username too, the current one or a new one.
 *
 * @param resellerId moves the client (C9, needs {@code clients.resellers}): a reseller's
 *        organization id, or {@code null}, {@code ""} or {@code operator} for the operator's
 *        own; absent leaves it. A JSON null arrives as {@code ""}, so that it differs from absent.
 */
public record ClientChange(String name, String email, String phone, String company, String address, String language,
        String additionalInfo, String description, String username, String password,
        @JsonDeserialize(using = NullMeansEmpty.class) String resellerId) {

    /** A change that moves no client. */
    public ClientChange(String name, String email, String phone, String company, String address, String language,
            String additionalInfo, String description, String username, String password) {
        this(name, email, phone, company, address, language, additionalInfo, description, username, password, null);
    }

    /** Whether the change touches the owner's login. */
    boolean changesLogin() {
        return username != null || password != null;
    }

    /** Whether the change moves the client to a reseller or back to the operator. */
    public boolean movesClient() {
        return resellerId != null;
    }

    @Override
    public String toString() {
        return "ClientChange[" + username + "]"; // never the password
    }
}
