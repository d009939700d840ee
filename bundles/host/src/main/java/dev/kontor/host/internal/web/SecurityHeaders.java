package dev.kontor.host.internal.web;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every answer of the panel carries, pages and API alike. Module pages
 * run in a frame of the shell, hence {@code frame-ancestors 'self'}.
 */
public final class SecurityHeaders {

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "SAMEORIGIN",
            "Referrer-Policy", "same-origin");

    private SecurityHeaders() {
    }

    public static void apply(BiConsumer<String, String> setHeader) {
        HEADERS.forEach(setHeader);
    }
}
