package dev.kontor.users.internal.invitation;

/** A body carrying only a mailed link's token. */
public record TokenRequest(String token) {
}
