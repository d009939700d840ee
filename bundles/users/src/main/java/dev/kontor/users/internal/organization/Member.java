package dev.kontor.users.internal.organization;

import java.time.Instant;
import java.util.List;

/**
 * A member of an organization as the API shows it; {@code version} is the membership's,
 * also sent as its ETag.
 *
 * @param role the role id: a built-in one ({@code owner}...) or a custom role's
 * @param roleName the role's name: English for built-in roles, as given for custom ones
 * @param products product (module) ids the member has access to besides the role
 */
public record Member(String userId, String username, String displayName, String email, String role, String roleName,
        List<String> products, Contact contact, Instant joinedAt, long version) {

    public Member {
        products = List.copyOf(products);
    }
}
