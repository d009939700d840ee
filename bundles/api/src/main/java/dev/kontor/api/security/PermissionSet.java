package dev.kontor.api.security;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The permissions a module adds to the panel, declared as a service with
 * {@link PermissionSetProperties}. They exist while the service is registered; their
 * labels are the keys {@code permission.<id>} in the module's translations.
 */
@ConsumerType
public interface PermissionSet {
}
