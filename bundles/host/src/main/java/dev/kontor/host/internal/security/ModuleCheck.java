package dev.kontor.host.internal.security;

import dev.kontor.api.security.Caller;
import dev.kontor.host.internal.module.PanelGate;
import dev.kontor.host.internal.rest.Problem;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The gate of one resource's module: whether a request, with its caller or without, may
 * reach it. A resource of no module (the host's own) is always reachable.
 *
 * @param module the resource's module id, null for the host's own resources
 */
record ModuleCheck(PanelGate gate, String module) {

    /** The 404 answer when the module is off for the caller's organization (the panel's, for nobody); empty when it is on. */
    Optional<Problem> refusal(Optional<? extends Caller> caller) {
        if (module == null || gate.admits(module, caller)) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(Response.Status.NOT_FOUND, "module-disabled",
                "The module " + module + " is not available here."));
    }
}
