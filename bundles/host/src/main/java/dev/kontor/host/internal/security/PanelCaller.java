package dev.kontor.host.internal.security;

import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import java.util.Locale;

/**
 * The {@link Caller} the host puts into every authenticated request, with the session it
 * came with; {@code session} is null for an API client that sent a bearer token (U13).
 */
public record PanelCaller(Identity identity, Locale locale, PanelSession session, String sourceAddress) implements Caller {

    boolean hasSession() {
        return session != null;
    }

    PanelCaller from(String address) {
        return new PanelCaller(identity, locale, session, address);
    }

    @Override
    public String getName() {
        return identity.username();
    }

    @Override
    public String userId() {
        return identity.userId();
    }

    @Override
    public String username() {
        return identity.username();
    }

    @Override
    public String organizationId() {
        return identity.organizationId();
    }

    @Override
    public boolean has(String permission) {
        return identity.permissions().contains(Identity.ALL_PERMISSIONS) || identity.permissions().contains(permission);
    }

    @Override
    public boolean isOperator() {
        return identity.operator();
    }
}
