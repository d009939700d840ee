package dev.kontor.api.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The authenticated caller of a request, in the organization they are working in. The
 * host puts it into the JAX-RS {@link SecurityContext} of every authenticated request.
 */
@ProviderType
public interface Caller extends Principal {

    /** Opaque id of the login. */
    String userId();

    /** The login name. */
    String username();

    /** The organization the caller is currently working in (U12). */
    String organizationId();

    /** The caller's language for labels and mails. */
    Locale locale();

    /** Whether the caller holds the permission in the current organization. */
    boolean has(String permission);

    /** The address the request came from, for the audit trail; null outside a request. */
    String sourceAddress();

    /** Whether the caller is one of the panel operator's staff. */
    boolean isOperator();

    /** The caller of a request, or empty when the request is not authenticated. */
    static Optional<Caller> of(SecurityContext context) {
        return context != null && context.getUserPrincipal() instanceof Caller caller
                ? Optional.of(caller)
                : Optional.empty();
    }
}
