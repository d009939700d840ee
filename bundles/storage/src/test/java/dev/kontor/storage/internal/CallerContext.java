package dev.kontor.storage.internal;

import dev.kontor.api.security.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * A request's security context carrying a caller logged in with a session, as the host
 * sets it: for tests that call a module's resource methods directly.
 */
public record CallerContext(Caller caller) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return true;
    }

    @Override
    public String getAuthenticationScheme() {
        return "session";
    }
}
