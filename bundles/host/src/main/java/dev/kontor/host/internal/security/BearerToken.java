package dev.kontor.host.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The credential of an API client, from {@code Authorization: Bearer <token>} (U13, RFC 6750). */
record BearerToken(String value) {

    /**
     * The bearer token of an {@code Authorization} header. Empty when there is no header
     * or it names another scheme: such a header belongs to something in front of the
     * panel (a proxy's Basic login), and the browser sends it with every request. A
     * Bearer header without a token gives a blank one, which is refused like a wrong one.
     */
    static Optional<BearerToken> of(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] schemeAndToken = authorization.strip().split("\\s+", 2);
        if (!schemeAndToken[0].equalsIgnoreCase("Bearer")) { // schemes are case-insensitive (RFC 9110)
            return Optional.empty();
        }
        return Optional.of(new BearerToken(schemeAndToken.length == 2 ? schemeAndToken[1] : ""));
    }

    /** Keys the per-token rate limiter: a digest, so the limiter never holds a usable token. */
    String limiterKey() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]"; // never the token
    }
}
