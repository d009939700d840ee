package dev.kontor.users.internal.organization;

import java.time.Instant;

/**
 * An organization as the API shows it; {@code version} is also its ETag.
 *
 * @param operator whether it is the panel operator's own organization
 * @param suspended whether its members are barred from acting in it
 * @param role the caller's role id in it, or null when the caller is no member (operator staff)
 */
public record Organization(String id, String name, boolean operator, boolean suspended, String role, Instant createdAt,
        long version) {
}
