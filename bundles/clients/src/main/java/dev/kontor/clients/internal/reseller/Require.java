package dev.kontor.clients.internal.reseller;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;

/** The permission checks of this package's services, for callers that do not come through a resource's annotation. */
final class Require {

    private Require() {
    }

    static void permission(Caller caller, String permission) {
        if (!caller.has(permission)) {
            throw new ProblemException(403, "forbidden", "You lack the permission " + permission + ".");
        }
    }
}
