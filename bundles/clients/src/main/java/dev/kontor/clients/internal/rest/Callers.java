package dev.kontor.clients.internal.rest;

import dev.kontor.api.security.Caller;
import jakarta.ws.rs.core.SecurityContext;

/** The caller of a request of this module's resources. */
final class Callers {

    private Callers() {
    }

    static Caller of(SecurityContext security) {
        return Caller.of(security).orElseThrow(() -> new IllegalStateException("The panel lets no request in without a login"));
    }
}
