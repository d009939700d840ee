package dev.kontor.host.internal.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens for session cookies and CSRF: 256 bits, URL-safe. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
